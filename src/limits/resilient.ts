import type { CircuitBreaker } from "../core/breaker.ts";
import type * as L from "./limiter.ts";
import type { MemoryLimiter } from "./memory.ts";
import type { RedisLimiter } from "./redis.ts";
import { Reconciler } from "./reconcile.ts";
import { type GuardFailure, RedisGuard, type RedisTransition } from "./redis-guard.ts";

/** What to do while Redis is unreachable: decide locally, or refuse (503). */
export type RedisDownPolicy = "local" | "deny";

/** Options: the Redis limiter, the local fallback (global limit / replicas), the policy. */
export interface ResilientOptions {
  redis: RedisLimiter;
  fallback: MemoryLimiter;
  policy: RedisDownPolicy;
  /** Default: opens after 5 failures, 1 s cool-down doubling up to 10 s. */
  breaker?: CircuitBreaker;
  now?: () => number;
  /** Whether Redis answered at start (default true). */
  up?: boolean;
  /** Called once per change: Redis unreachable, Redis back (with the leases written back). */
  onTransition?: (t: RedisTransition) => void;
}

/**
 * The Redis limiter behind a breaker: a failed or timed-out script, or an open circuit, sends
 * the call to the policy: the memory fallback (`local`) or an `error` result (`deny`). When
 * Redis answers again, the leases taken meanwhile and unsent releases are written back first.
 */
export class ResilientLimiter implements L.ConcurrencyLimiter {
  readonly limits: L.Limits;
  readonly ttlMs: number;
  readonly #o: ResilientOptions;
  readonly #now: () => number;
  readonly #rec: Reconciler;
  readonly #guard: RedisGuard;
  constructor(o: ResilientOptions) {
    this.#o = o;
    this.limits = o.redis.limits;
    this.ttlMs = o.redis.ttlMs;
    this.#now = o.now ?? Date.now;
    this.#rec = new Reconciler(o.redis, o.fallback);
    const { breaker, now, up, onTransition } = o;
    this.#guard = new RedisGuard({ reconciler: this.#rec, breaker, now, up, onTransition });
  }

  /** Whether the last call reached Redis (true until one fails). */
  get redisUp(): boolean {
    return this.#guard.up;
  }

  /** Releases waiting for Redis to come back (bounded). */
  get pendingReleases(): number {
    return this.#rec.unsent.size;
  }

  /** Whether the fallback decides now (Redis away or its circuit open, policy `local`). */
  get fallbackActive(): boolean {
    return !this.#guard.up && this.#o.policy === "local";
  }

  /** One PING through the breaker (reconciling first when Redis is back): keeps state fresh. */
  probe(): Promise<boolean> {
    return this.#guard.ping(this.#o.redis.redis);
  }

  async acquire(req: L.AcquireRequest): Promise<L.AcquireResult> {
    const id = req.id ?? crypto.randomUUID();
    const r = await this.#guard.run(() => this.#o.redis.acquire({ ...req, id }));
    if (r.kind === "granted") this.#rec.track(r.lease, false);
    if (r.kind !== "error") return r;
    // An acquire that reached Redis and timed out may still land: release it once Redis is
    // back. One the open circuit refused never left this process: nothing to undo.
    if (!(r as GuardFailure).unreached) this.#rec.unsent.add(id);
    if (this.#o.policy === "deny") return r;
    const local = await this.#o.fallback.acquire({ ...req, id });
    if (local.kind === "granted") this.#rec.track(local.lease, true);
    return local;
  }

  async renew(id: string): Promise<L.RenewResult> {
    if (this.#rec.isLocal(id)) {
      await this.#guard.run(() => Promise.resolve({ kind: "ok" as const }));
      if (this.#rec.isLocal(id)) return this.#rec.settle(id, await this.#o.fallback.renew(id));
    }
    const r = await this.#guard.run(() => this.#o.redis.renew(id));
    if (r.kind === "error") this.#rec.missed(id);
    return r.kind === "lost" ? await this.#rec.lostOrRestore(id) : this.#rec.settle(id, r);
  }

  async release(id: string): Promise<L.ReleaseResult> {
    const known = this.#rec.untrack(id);
    if (known?.local) return await this.#o.fallback.release(id);
    const r = await this.#guard.run(() => this.#o.redis.release(id));
    if (r.kind !== "error") return r;
    if (known) this.#rec.unsent.add(id); // only a lease Redis granted has anything to release
    return known ? { kind: "released", lease: { ...known.lease, expiresAt: this.#now() } } : r;
  }
}
