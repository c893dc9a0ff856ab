import type * as L from "./limiter.ts";

/** Options of the in-process limiter; `now` and `newId` are parameters so tests need no timers. */
export interface MemoryLimiterOptions {
  limits: L.Limits;
  /** Lease time to live in ms (default 30 000). */
  ttlMs?: number;
  now?: () => number;
  newId?: () => string;
  /** Called with the number of expired leases removed by a reap. */
  onReaped?: (count: number) => void;
}

/**
 * The in-process limiter (no `REDIS_URL`, or the local fallback while Redis is down): the same
 * two-scope check as the Redis script, over a Map of leases; expired leases are reaped first.
 */
export class MemoryLimiter implements L.ConcurrencyLimiter {
  readonly limits: L.Limits;
  readonly ttlMs: number;
  readonly #leases = new Map<string, L.Lease>();
  readonly #now: () => number;
  readonly #newId: () => string;
  readonly #onReaped: (count: number) => void;

  constructor(o: MemoryLimiterOptions) {
    this.limits = o.limits;
    this.ttlMs = o.ttlMs ?? 30_000;
    this.#now = o.now ?? Date.now;
    this.#newId = o.newId ?? (() => crypto.randomUUID());
    this.#onReaped = o.onReaped ?? (() => {});
  }

  /** Leases held now (after reaping), optionally of one class. */
  held(cls?: L.LimitClass): L.Lease[] {
    this.#reap(this.#now());
    return [...this.#leases.values()].filter((l) => !cls || l.class === cls);
  }

  acquire(req: L.AcquireRequest): Promise<L.AcquireResult> {
    const now = this.#now();
    this.#reap(now);
    const limits = this.limits[req.class];
    const ofClass = this.held(req.class);
    const mine = req.user === undefined ? [] : ofClass.filter((l) => l.user === req.user);
    const denial = (scope: "user" | "global"): L.AcquireResult => ({
      kind: "denied",
      scope,
      userHeld: mine.length,
      userLeases: mine.slice(0, 10).map((l) => l.id),
    });
    if (req.user !== undefined && limits.user > 0 && mine.length >= limits.user) {
      return Promise.resolve(denial("user"));
    }
    if (limits.global > 0 && ofClass.length >= limits.global) {
      return Promise.resolve(denial("global"));
    }
    const lease: L.Lease = {
      id: req.id ?? this.#newId(),
      class: req.class,
      ...(req.user === undefined ? {} : { user: req.user }),
      acquiredAt: now,
      expiresAt: now + this.ttlMs,
      ttl: this.ttlMs,
    };
    this.#leases.set(lease.id, lease);
    return Promise.resolve({ kind: "granted", lease: { ...lease } });
  }

  renew(id: string): Promise<L.RenewResult> {
    const now = this.#now();
    this.#reap(now);
    const lease = this.#leases.get(id);
    if (!lease) return Promise.resolve({ kind: "lost" });
    lease.expiresAt = now + lease.ttl;
    return Promise.resolve({ kind: "renewed", lease: { ...lease } });
  }

  release(id: string): Promise<L.ReleaseResult> {
    const lease = this.#leases.get(id);
    if (!lease) return Promise.resolve({ kind: "absent" });
    this.#leases.delete(id);
    // A released lease reports its release time as `expiresAt` (its hold ends now).
    return Promise.resolve({ kind: "released", lease: { ...lease, expiresAt: this.#now() } });
  }

  #reap(now: number): void {
    let reaped = 0;
    for (const [id, l] of this.#leases) {
      if (l.expiresAt <= now) (this.#leases.delete(id), reaped++);
    }
    if (reaped > 0) this.#onReaped(reaped);
  }
}
