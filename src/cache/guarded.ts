import type { EngineResult } from "../api/types.ts";
import { CircuitBreaker } from "../core/breaker.ts";
import type { CacheStore } from "./store.ts";

/**
 * How long a cache operation may take (ms) before it counts as a miss: 40, so that with the
 * timer's own lateness a lookup never adds more than 50 ms to an analysis.
 */
export const CACHE_DEADLINE_MS = 40;

/** Options: the deadline (default CACHE_DEADLINE_MS), a breaker, the clock, a transition hook. */
export interface GuardOptions {
  deadlineMs?: number;
  /** Default: opens after 5 failures in a row, for 1 s doubling up to 10 s. */
  breaker?: CircuitBreaker;
  now?: () => number;
  /** Called once per change: the store stopped answering (with why), or answers again. */
  onTransition?: (up: boolean, reason?: string) => void;
}

/**
 * A store that can be slow or gone (Redis) made harmless: every operation gets a deadline,
 * and a breaker stops asking a store that keeps failing; a failed or refused `get` is a miss,
 * a failed `put` is dropped. Nothing here throws or waits past the deadline.
 */
export class GuardedStore implements CacheStore {
  readonly #breaker: CircuitBreaker;
  readonly #deadlineMs: number;
  readonly #now: () => number;
  #up = true;
  #entries = 0;

  constructor(readonly inner: CacheStore, private readonly o: GuardOptions = {}) {
    this.#breaker = o.breaker ?? new CircuitBreaker({ baseCooldownMs: 1000, maxCooldownMs: 1e4 });
    this.#deadlineMs = o.deadlineMs ?? CACHE_DEADLINE_MS;
    this.#now = o.now ?? Date.now;
  }

  get backend(): CacheStore["backend"] {
    return this.inner.backend;
  }

  get(key: string): Promise<EngineResult | undefined> {
    return this.#run(() => this.inner.get(key), undefined);
  }

  put(keys: string[], entry: EngineResult): Promise<void> {
    return this.#run(() => this.inner.put(keys, entry), undefined);
  }

  async entries(): Promise<number> {
    this.#entries = await this.#run(() => this.inner.entries(), this.#entries);
    return this.#entries;
  }

  /** Whether the last operation succeeded and the breaker lets operations through. */
  up(): boolean {
    return this.#up && this.#breaker.canAllow(this.#now());
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  async #run<T>(op: () => Promise<T>, fallback: T): Promise<T> {
    const permit = this.#breaker.allow(this.#now());
    if (!permit) return fallback;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timed out")), this.#deadlineMs);
    });
    try {
      const value = await Promise.race([op(), late]);
      permit.done(true, this.#now());
      this.#mark(true);
      return value;
    } catch (e) {
      permit.done(false, this.#now());
      this.#mark(false, e instanceof Error ? e.message : String(e));
      return fallback;
    } finally {
      clearTimeout(timer);
    }
  }

  #mark(up: boolean, reason?: string): void {
    if (up === this.#up) return;
    this.#up = up;
    this.o.onTransition?.(up, reason);
  }
}
