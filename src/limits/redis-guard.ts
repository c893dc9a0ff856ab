import { CircuitBreaker } from "../core/breaker.ts";
import type { LimiterFailure } from "./limiter.ts";
import type { Reconciler } from "./reconcile.ts";

/** A change in whether the limiter can reach Redis, reported once per transition. */
export interface RedisTransition {
  up: boolean;
  /** Why Redis counts as unreachable (when `up` is false). */
  reason?: string;
  /** Leases taken locally during the outage and written back to Redis (when `up`). */
  writtenBack?: number;
  /** How long Redis was unreachable, in ms (when `up`). */
  downMs?: number;
}

/** Options: the reconciler, the initial state, a breaker (default 5 failures, 1–10 s). */
export interface RedisGuardOptions {
  reconciler: Reconciler;
  /** Whether Redis answered at start (default true); false reports a transition at once. */
  up?: boolean;
  breaker?: CircuitBreaker;
  now?: () => number;
  onTransition?: (t: RedisTransition) => void;
}

/**
 * What stands in front of every Redis call of the resilient limiter: a breaker, the
 * reconciliation that runs first, and the one up/down state that transitions are reported
 * from, so that a flapping call path cannot report the same outage twice.
 */
export class RedisGuard {
  readonly #o: RedisGuardOptions;
  readonly #breaker: CircuitBreaker;
  readonly #now: () => number;
  #up = true;
  #downSince = 0;

  constructor(o: RedisGuardOptions) {
    this.#o = o;
    this.#now = o.now ?? Date.now;
    this.#breaker = o.breaker ?? new CircuitBreaker({ baseCooldownMs: 1000, maxCooldownMs: 1e4 });
    if (o.up === false) this.#down("no connection at start");
  }

  /** Whether the last call reached Redis (true until one fails). */
  get up(): boolean {
    return this.#up;
  }

  /** Runs `op` on Redis when the breaker allows (reconciling first); else an error result. */
  async run<T extends { kind: string }>(op: () => Promise<T>): Promise<T | LimiterFailure> {
    const permit = this.#breaker.allow(this.#now());
    if (!permit) return this.#down("Redis circuit open");
    const written = await this.#o.reconciler.run();
    const r = written === undefined
      ? ({ kind: "error", reason: "reconciliation failed" } as const)
      : await op();
    permit.done(r.kind !== "error", this.#now());
    if (r.kind === "error") return this.#down((r as LimiterFailure).reason);
    if (!this.#up) {
      this.#up = true;
      const downMs = this.#now() - this.#downSince;
      this.#o.onTransition?.({ up: true, writtenBack: written ?? 0, downMs });
    }
    return r;
  }

  #down(reason: string): LimiterFailure {
    if (this.#up) {
      this.#up = false;
      this.#downSince = this.#now();
      this.#o.onTransition?.({ up: false, reason });
    }
    return { kind: "error", reason: `Redis unavailable: ${reason}` };
  }
}
