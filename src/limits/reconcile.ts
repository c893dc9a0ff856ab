import type * as L from "./limiter.ts";
import type { MemoryLimiter } from "./memory.ts";
import type { RedisLimiter } from "./redis.ts";
import { UnsentReleases } from "./unsent-releases.ts";

interface Held {
  lease: L.Lease;
  /** Taken from the local fallback: not in Redis yet. */
  local: boolean;
  /** A renew failed while Redis was away: if Redis then says lost, write it back. */
  missed: boolean;
}

/**
 * Bookkeeping for the resilient limiter: the leases this replica holds, which of them were
 * taken locally while Redis was away, and releases Redis never heard of. `run()` writes them
 * back as soon as Redis answers, so Redis reflects what is really held.
 */
export class Reconciler {
  readonly #held = new Map<string, Held>();
  /** Releases (and possibly-landed acquires) to send to Redis once it is back. */
  readonly unsent: UnsentReleases = new UnsentReleases();

  constructor(readonly redis: RedisLimiter, readonly fallback: MemoryLimiter) {}

  /** Records a granted lease (`local` when the fallback granted it). */
  track(lease: L.Lease, local: boolean): void {
    this.#prune(lease.acquiredAt);
    this.#held.set(lease.id, { lease, local, missed: false });
  }

  /** Stops tracking a lease; returns what was known of it. */
  untrack(id: string): Held | undefined {
    const h = this.#held.get(id);
    this.#held.delete(id);
    return h;
  }

  /** Whether the lease lives in the local fallback only. */
  isLocal(id: string): boolean {
    return this.#held.get(id)?.local === true;
  }

  /** Marks a lease whose renew could not reach Redis. */
  missed(id: string): void {
    const h = this.#held.get(id);
    if (h) h.missed = true;
  }

  /** Records a renew's result: a new deadline, or a lost lease that is dropped. */
  settle(id: string, r: L.RenewResult): L.RenewResult {
    const h = this.#held.get(id);
    if (r.kind === "renewed" && h) (h.lease = r.lease, h.missed = false);
    if (r.kind === "lost") this.#held.delete(id);
    return r;
  }

  /** Redis says lost: a lease that missed renewals during an outage is written back instead. */
  async lostOrRestore(id: string): Promise<L.RenewResult> {
    const h = this.#held.get(id);
    if (!h?.missed) return this.settle(id, { kind: "lost" });
    const r = await this.redis.restore(h.lease);
    return this.settle(
      id,
      r.kind === "granted"
        ? { kind: "renewed", lease: r.lease }
        : r.kind === "error"
        ? r
        : { kind: "lost" },
    );
  }

  /** Writes back local leases and unsent releases: how many leases, undefined if Redis failed. */
  async run(): Promise<number | undefined> {
    // Releases first: an id in both (an acquire that timed out, then granted locally) ends held.
    for (const id of this.unsent.list()) {
      if ((await this.redis.release(id)).kind === "error") return undefined;
      this.unsent.delete(id);
    }
    const local = [...this.#held.values()].filter((h) => h.local);
    for (const h of local) {
      const r = await this.redis.restore(h.lease);
      if (r.kind !== "granted") return undefined;
      await this.fallback.release(h.lease.id);
      Object.assign(h, { lease: r.lease, local: false, missed: false });
    }
    return local.length;
  }

  // Leases long past their deadline (an app that never released) are no longer tracked.
  #prune(now: number): void {
    for (const [id, h] of this.#held) {
      if (h.lease.expiresAt + h.lease.ttl < now) this.#held.delete(id);
    }
  }
}
