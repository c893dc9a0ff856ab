import type { CircuitBreaker } from "../core/breaker.ts";
import type { LimiterFailure } from "./limiter.ts";
import type { Reconciler } from "./reconcile.ts";

/** A failure, and whether the operation never reached Redis (so there is nothing to undo). */
export type GuardFailure = LimiterFailure & { unreached: boolean };

/**
 * Runs limiter operations on Redis behind a breaker: while its circuit is open, or the
 * write-back of what was decided locally fails, the operation is not sent at all; a script
 * that fails or times out opens the circuit after a few. Reports each switch between Redis
 * and the fallback once (`onFallback(true)` when Redis went away, `false` when it is back).
 */
export class RedisGuard {
  #fallback = false;

  constructor(
    private readonly breaker: CircuitBreaker,
    private readonly rec: Reconciler,
    private readonly now: () => number,
    private readonly onFallback?: (active: boolean) => void,
  ) {}

  /** Whether the fallback decides now (Redis away or its circuit open). */
  get fallbackActive(): boolean {
    return this.#fallback;
  }

  /** Runs `op` on Redis when the breaker allows (reconciling first); else a failure. */
  async run<T extends { kind: string }>(op: () => Promise<T>): Promise<T | GuardFailure> {
    const permit = this.breaker.allow(this.now());
    if (!permit) return this.#down("Redis circuit open", true);
    const ok = await this.rec.run();
    const r = ok ? await op() : undefined;
    permit.done(r !== undefined && r.kind !== "error", this.now());
    if (r === undefined) return this.#down("reconciliation failed", true);
    if (r.kind === "error") return this.#down((r as unknown as LimiterFailure).reason, false);
    this.#switch(false);
    return r;
  }

  #down(reason: string, unreached: boolean): GuardFailure {
    this.#switch(true);
    return { kind: "error", reason: `Redis unavailable: ${reason}`, unreached };
  }

  #switch(active: boolean): void {
    if (active !== this.#fallback) this.onFallback?.(active);
    this.#fallback = active;
  }
}
