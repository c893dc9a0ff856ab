import type { SpotPool } from "../core/pool.ts";
import type { Router, SpotLease, Unavailable } from "../proxy/router.ts";

/**
 * The gateway's router with a preferred spot (fishnet's way of using an engine's hash): a
 * chain of one game's positions goes back to the spot that searched the previous one while
 * that spot is usable and has an engine free here; otherwise, and for every retry, the
 * router chooses as always. Health, breaker, counts and outcomes stay the router's.
 */
export class StickyRouter implements Router {
  constructor(
    private readonly inner: Router,
    private readonly pool: SpotPool,
    private readonly home: string,
  ) {}

  acquire(exclude: ReadonlySet<string>): SpotLease | undefined {
    const home = this.pool.get(this.home);
    if (home && !exclude.has(home.id) && home.inFlight < (home.capacity ?? 1)) {
      const others = this.pool.list().map((s) => s.id).filter((id) => id !== home.id);
      const lease = this.inner.acquire(new Set([...exclude, ...others]));
      if (lease) return lease;
    }
    return this.inner.acquire(exclude);
  }

  retryAllowed(reason: string): boolean {
    return this.inner.retryAllowed(reason);
  }

  takeRetry(reason: string): void {
    this.inner.takeRetry(reason);
  }

  requestStarted(): void {
    this.inner.requestStarted();
  }

  requestEnded(retriesSpent: number): void {
    this.inner.requestEnded(retriesSpent);
  }

  unavailable(exclude: ReadonlySet<string>): Unavailable {
    return this.inner.unavailable(exclude);
  }
}
