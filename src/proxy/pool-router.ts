import { isSpotFailure, RetryBudget } from "../core/attempt-policy.ts";
import { type HealthChange, recordAttempt } from "../core/record.ts";
import { pick } from "../core/selector.ts";
import type { SpotPool } from "../core/pool.ts";
import type { Outcome } from "../core/attempt-policy.ts";
import type { Router, SpotLease } from "./router.ts";

/** What the pool router reports, for metrics and logs. */
export interface RouterHooks {
  /** `latencyMs`: to headers or first event; `durationMs`: the whole attempt. */
  onAttempt?: (spot: string, outcome: Outcome, latencyMs: number, durationMs: number) => void;
  onHealth?: (change: HealthChange) => void;
  onRetry?: (reason: string, allowed: boolean) => void;
}

/** The Router over a SpotPool: selection, breaker permits, outcome recording, retry budget. */
export class PoolRouter implements Router {
  readonly budget: RetryBudget = new RetryBudget();
  constructor(
    private readonly pool: SpotPool,
    private readonly threshold: () => number,
    private readonly hooks: RouterHooks = {},
    private readonly random: () => number = Math.random,
    private readonly now: () => number = Date.now,
  ) {}

  /** The best usable spot not excluded, with a breaker permit taken; undefined if none. */
  acquire(exclude: ReadonlySet<string>): SpotLease | undefined {
    const now = this.now();
    const spot = pick(this.pool.list(), { exclude, now, random: this.random });
    const permit = spot?.breaker.allow(now);
    if (!spot || !permit) return undefined;
    spot.inFlight++;
    let finished = false;
    const started = performance.now();
    return {
      id: spot.id,
      url: spot.settings.url.replace(/\/+$/, ""),
      finish: (outcome, latencyMs) => {
        if (finished) return;
        finished = true;
        const at = this.now();
        if (outcome.kind === "aborted") permit.cancel();
        else permit.done(!isSpotFailure(outcome.kind), at);
        const change = recordAttempt(spot, outcome, latencyMs, at, this.threshold());
        if (spot.removed) this.pool.sweep();
        this.hooks.onAttempt?.(spot.id, outcome, latencyMs, performance.now() - started);
        if (change) this.hooks.onHealth?.(change);
      },
    };
  }

  /** Takes a retry from the budget, reporting whether it was allowed. */
  mayRetry(reason: string, budgeted = true): boolean {
    const allowed = !budgeted || this.budget.tryRetry();
    this.hooks.onRetry?.(reason, allowed);
    return allowed;
  }

  /** A client request began. */
  requestStarted(): void {
    this.budget.requestStarted();
  }

  /** A client request ended, returning the retries it spent. */
  requestEnded(retries: number): void {
    this.budget.requestEnded(retries);
  }
}
