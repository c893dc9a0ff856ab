/** The two limited classes: proxied analyses and job leases taken by apps. */
export type LimitClass = "analysis" | "batch";

/** Every class, in a fixed order (for metrics and loops). */
export const LIMIT_CLASSES: readonly LimitClass[] = ["analysis", "batch"];

/** Limits of one class: concurrent leases per identified user and overall; 0 means off. */
export interface ClassLimits {
  user: number;
  global: number;
}

/** Limits of every class (defaults: analysis 4 per user, global off; batch 1 and 3). */
export type Limits = Record<LimitClass, ClassLimits>;

/** The seed plan's defaults (README "Limits"); env overrides are applied by the caller. */
export const DEFAULT_LIMITS: Limits = {
  analysis: { user: 4, global: 0 },
  batch: { user: 1, global: 3 },
};

/** One acquire: the class, and the user when identified (anonymous counts only globally). */
export interface AcquireRequest {
  class: LimitClass;
  user?: string;
  /** The lease id to use (default a random UUID): lets a caller clean up after a timeout. */
  id?: string;
}

/** A granted slot; times are epoch milliseconds (from Redis `TIME` on the Redis backend). */
export interface Lease {
  id: string;
  class: LimitClass;
  user?: string;
  acquiredAt: number;
  expiresAt: number;
  /** Time to live in milliseconds; renewing moves `expiresAt` to now + ttl. */
  ttl: number;
}

/** What a denial tells the caller: which scope refused, and the user's own leases. */
export interface Denial {
  kind: "denied";
  scope: "user" | "global";
  /** Leases the user holds in this class (0 for an anonymous request). */
  userHeld: number;
  /** Up to 10 ids of those leases, for a message the user can act on. */
  userLeases: string[];
}

/** A backend failure (Redis unreachable, timed out); never a limit decision. */
export interface LimiterFailure {
  kind: "error";
  reason: string;
}

/** Result of `acquire`. */
export type AcquireResult = { kind: "granted"; lease: Lease } | Denial | LimiterFailure;

/** Result of `renew`: the lease with its new deadline, or lost (expired, reaped, released). */
export type RenewResult = { kind: "renewed"; lease: Lease } | { kind: "lost" } | LimiterFailure;

/** Result of `release` (idempotent: twice answers `absent`); `expiresAt` is the release time. */
export type ReleaseResult =
  | { kind: "released"; lease: Lease }
  | { kind: "absent" }
  | LimiterFailure;

/**
 * A concurrency limiter with two scopes (user, then global) per class, holding leases that
 * expire after `ttlMs` unless renewed. Memory, Redis and the resilient wrapper implement it.
 */
export interface ConcurrencyLimiter {
  readonly limits: Limits;
  readonly ttlMs: number;
  acquire(req: AcquireRequest): Promise<AcquireResult>;
  renew(id: string): Promise<RenewResult>;
  release(id: string): Promise<ReleaseResult>;
}

/** The global limit a replica applies alone: `floor(global / replicas)`, at least 1, off stays off. */
export function localLimits(limits: Limits, replicas: number): Limits {
  const share = (n: number) => (n > 0 ? Math.max(1, Math.floor(n / Math.max(1, replicas))) : 0);
  return {
    analysis: { ...limits.analysis, global: share(limits.analysis.global) },
    batch: { ...limits.batch, global: share(limits.batch.global) },
  };
}
