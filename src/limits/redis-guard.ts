import { CircuitBreaker } from "../core/breaker.ts";
import type { LimiterFailure } from "./limiter.ts";
import type { Reconciler } from "./reconcile.ts";

/** A failure, and whether the operation never reached Redis (so there is nothing to undo). */
export type GuardFailure = LimiterFailure & { unreached: boolean };

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
    if (o.up === false) this.#down("no connection at start", true);
  }

  /** Whether the last call reached Redis (true until one fails). */
  get up(): boolean {
    return this.#up;
  }

  /** Runs `op` on Redis when the breaker allows (reconciling first); else an error result. */
  async run<T extends { kind: string }>(op: () => Promise<T>): Promise<T | GuardFailure> {
    const permit = this.#breaker.allow(this.#now());
    // The open circuit, or a failed write-back, means `op` is never sent: nothing to undo.
    if (!permit) return this.#down("Redis circuit open", true);
    const written = await this.#o.reconciler.run();
    const r = written === undefined ? undefined : await op();
    permit.done(r !== undefined && r.kind !== "error", this.#now());
    if (r === undefined) return this.#down("reconciliation failed", true);
    if (r.kind === "error") return this.#down((r as unknown as LimiterFailure).reason, false);
    if (!this.#up) {
      this.#up = true;
      const downMs = this.#now() - this.#downSince;
      this.#o.onTransition?.({ up: true, writtenBack: written ?? 0, downMs });
    }
    return r;
  }

  /** One PING through the breaker (reconciling first when Redis is back). */
  async ping(redis: { ping(): Promise<unknown> }): Promise<boolean> {
    const ping = () =>
      redis.ping().then(
        () => ({ kind: "ok" as const }),
        (e) => ({ kind: "error" as const, reason: e instanceof Error ? e.message : String(e) }),
      );
    return (await this.run(ping)).kind === "ok";
  }

  #down(reason: string, unreached: boolean): GuardFailure {
    if (this.#up) {
      this.#up = false;
      this.#downSince = this.#now();
      this.#o.onTransition?.({ up: false, reason });
    }
    return { kind: "error", reason: `Redis unavailable: ${reason}`, unreached };
  }
}
