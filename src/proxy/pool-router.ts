import { RetryBudget } from "../core/attempt-policy.ts";
import { type HealthChange, recordAttempt } from "../core/record.ts";
import { unavailability } from "../core/recovery.ts";
import { pick } from "../core/selector.ts";
import type { SpotPool } from "../core/pool.ts";
import type { Outcome } from "../core/attempt-policy.ts";
import type { SpotRecord } from "../core/spot.ts";
import type { Router, SpotLease, Unavailable } from "./router.ts";
import { spotLease } from "./spot-lease.ts";

/** What the pool router reports, for metrics and logs. */
export interface RouterHooks {
  /** `latencyMs`: to headers or first event; `durationMs`: the whole attempt. */
  onAttempt?: (spot: string, outcome: Outcome, latencyMs: number, durationMs: number) => void;
  onHealth?: (change: HealthChange) => void;
  onRetry?: (reason: string, allowed: boolean) => void;
}

/** The router's settings: failover threshold and check interval (live), hooks, time, chance. */
export interface PoolRouterOptions {
  threshold: () => number;
  checkIntervalMs?: () => number;
  hooks?: RouterHooks;
  random?: () => number;
  now?: () => number;
}

/** The Router over a SpotPool: selection, breaker permits, outcome recording, retry budget. */
export class PoolRouter implements Router {
  readonly budget: RetryBudget = new RetryBudget();
  readonly #hooks: RouterHooks;
  readonly #now: () => number;
  // One recorder for every lease, not a closure per request.
  readonly #recorder = (spot: SpotRecord, outcome: Outcome, latencyMs: number, ms: number) =>
    this.#record(spot, outcome, latencyMs, ms);
  constructor(private readonly pool: SpotPool, private readonly opts: PoolRouterOptions) {
    this.#hooks = opts.hooks ?? {};
    this.#now = opts.now ?? Date.now;
  }

  /** The best usable spot not excluded, with a breaker permit taken; undefined if none. */
  acquire(exclude: ReadonlySet<string>): SpotLease | undefined {
    const now = this.#now();
    const spot = pick(this.pool.list(), { exclude, now, random: this.opts.random ?? Math.random });
    const permit = spot?.breaker.allow(now);
    if (!spot || !permit) return undefined;
    spot.inFlight++;
    return spotLease(spot, permit, this.#recorder);
  }

  #record(spot: SpotRecord, outcome: Outcome, latencyMs: number, durationMs: number): void {
    const change = recordAttempt(spot, outcome, latencyMs, this.#now(), this.opts.threshold());
    if (spot.removed) this.pool.sweep();
    this.#hooks.onAttempt?.(spot.id, outcome, latencyMs, durationMs);
    if (change) this.#hooks.onHealth?.(change);
  }

  /** Whether the budget has room for one more retry; a refusal is reported. */
  retryAllowed(reason: string): boolean {
    const allowed = this.budget.canRetry();
    if (!allowed) this.#hooks.onRetry?.(reason, false);
    return allowed;
  }

  /** Takes one retry from the budget. */
  takeRetry(reason: string): void {
    if (this.budget.tryRetry()) this.#hooks.onRetry?.(reason, true);
  }

  /** A client request began. */
  requestStarted(): void {
    this.budget.requestStarted();
  }

  /** A client request ended, returning the retries it took. */
  requestEnded(retries: number): void {
    this.budget.requestEnded(retries);
  }

  /** Why nothing outside `exclude` can be had now, and the Retry-After to give. */
  unavailable(exclude: ReadonlySet<string>): Unavailable {
    const checkIntervalMs = this.opts.checkIntervalMs?.() ?? 30_000;
    return unavailability(this.pool.list(), { exclude, now: this.#now(), checkIntervalMs });
  }
}
