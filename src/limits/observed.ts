import type { HoldTimes } from "./hold-times.ts";
import type * as L from "./limiter.ts";
import type { LimiterMetrics } from "./metrics.ts";

const DECISION = { user: "user_limit", global: "global_limit" } as const;

/**
 * A limiter that reports: decisions, leases in flight on this replica, lost leases, and the
 * hold time of each released lease (for `Retry-After`). Behaviour is the wrapped limiter's.
 */
export class ObservedLimiter implements L.ConcurrencyLimiter {
  readonly limits: L.Limits;
  readonly ttlMs: number;
  readonly #held = new Map<string, L.Lease>();

  constructor(
    readonly inner: L.ConcurrencyLimiter,
    readonly holdTimes: HoldTimes,
    readonly metrics?: LimiterMetrics,
    readonly now: () => number = Date.now,
  ) {
    this.limits = inner.limits;
    this.ttlMs = inner.ttlMs;
  }

  /** Leases granted here and not yet released, lost or past their deadline. */
  inFlight(cls: L.LimitClass): number {
    const now = this.now();
    for (const [id, l] of this.#held) if (l.expiresAt <= now) this.#held.delete(id);
    return [...this.#held.values()].filter((l) => l.class === cls).length;
  }

  async acquire(req: L.AcquireRequest): Promise<L.AcquireResult> {
    const r = await this.inner.acquire(req);
    const decision = r.kind === "granted"
      ? "granted"
      : r.kind === "error"
      ? "error"
      : DECISION[r.scope];
    this.metrics?.decisions.inc({ class: req.class, decision });
    if (r.kind === "granted") this.#held.set(r.lease.id, r.lease);
    this.#gauge(req.class);
    return r;
  }

  async renew(id: string): Promise<L.RenewResult> {
    const r = await this.inner.renew(id);
    const cls = this.#held.get(id)?.class;
    if (r.kind === "renewed") this.#held.set(id, r.lease);
    if (r.kind === "lost") (this.#held.delete(id), this.metrics?.lost.inc());
    if (cls) this.#gauge(cls);
    return r;
  }

  async release(id: string): Promise<L.ReleaseResult> {
    const r = await this.inner.release(id);
    const mine = this.#held.get(id);
    this.#held.delete(id);
    if (r.kind === "released") {
      this.holdTimes.observe(r.lease.class, r.lease.expiresAt - r.lease.acquiredAt);
    }
    if (mine) this.#gauge(mine.class);
    return r;
  }

  #gauge(cls: L.LimitClass): void {
    this.metrics?.inFlight.set({ class: cls }, this.inFlight(cls));
  }
}
