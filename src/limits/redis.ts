import type * as L from "./limiter.ts";
import type { LimiterRedis } from "./redis-client.ts";

/** Options of the Redis limiter; `prefix` must keep the `{lim}` hash tag (one Cluster slot). */
export interface RedisLimiterOptions {
  redis: LimiterRedis;
  limits: L.Limits;
  /** Lease time to live in ms (default 30 000). */
  ttlMs?: number;
  /** Key prefix (default `spotgate:{lim}`). */
  prefix?: string;
  onReaped?: (count: number) => void;
  /** Called with each script's duration in seconds, failed or not. */
  onCommand?: (seconds: number) => void;
}

type Reply = unknown[];

/** The shared limiter: acquire, renew and release are each one atomic Lua script. */
export class RedisLimiter implements L.ConcurrencyLimiter {
  readonly limits: L.Limits;
  readonly ttlMs: number;
  readonly redis: LimiterRedis;
  readonly #p: string;
  readonly #o: RedisLimiterOptions;
  readonly #reaped = (n: unknown) => Number(n) > 0 && this.#o.onReaped?.(Number(n));

  constructor(o: RedisLimiterOptions) {
    this.#o = o;
    this.limits = o.limits;
    this.ttlMs = o.ttlMs ?? 30_000;
    this.redis = o.redis;
    this.#p = o.prefix ?? "spotgate:{lim}";
  }

  acquire(req: L.AcquireRequest, restore?: L.Lease): Promise<L.AcquireResult> {
    const p = this.#p, c = req.class, u = req.user ?? "", lim = this.limits[c];
    const all = `${p}:${c}:all`;
    const id = restore?.id ?? req.id ?? crypto.randomUUID();
    const args = [all, u === "" ? all : `${p}:${c}:u:${u}`, p, c, u, lim.user, lim.global];
    const force = restore ? ["1", restore.acquiredAt] : ["0", 0];
    return this.#run(() => this.redis.limAcquire(...args, this.ttlMs, id, ...force), (r) => {
      if (r[0] === 1) {
        this.#reaped(r[4]);
        return { kind: "granted", lease: this.#lease([c, u, r[2], r[3]], id) };
      }
      this.#reaped(r[2]);
      const scope = r[1] === "user" ? "user" : "global";
      return { kind: "denied", scope, userHeld: Number(r[3]), userLeases: r.slice(4).map(String) };
    });
  }

  /** Writes back a lease taken while Redis was away (reconciliation): no limit checks. */
  restore(lease: L.Lease): Promise<L.AcquireResult> {
    return this.acquire({ class: lease.class, user: lease.user }, lease);
  }

  renew(id: string): Promise<L.RenewResult> {
    return this.#run(
      () => this.redis.limRenew(`${this.#p}:lease:${id}`, this.#p, id),
      (r) =>
        r[0] === 1 ? { kind: "renewed", lease: this.#lease(r.slice(1), id) } : { kind: "lost" },
    );
  }

  release(id: string): Promise<L.ReleaseResult> {
    return this.#run(
      () => this.redis.limRelease(`${this.#p}:lease:${id}`, this.#p, id),
      (r) =>
        r[0] === 1 ? { kind: "released", lease: this.#lease(r.slice(1), id) } : { kind: "absent" },
    );
  }

  /** Closes the connection (at shutdown). */
  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  // [class, user, acquired, expires, ttl?] as the scripts return them.
  #lease([c, u, a, exp, ttl]: Reply, id: string): L.Lease {
    const user = String(u) === "" ? {} : { user: String(u) };
    const t = ttl === undefined ? this.ttlMs : Number(ttl);
    const times = { acquiredAt: Number(a), expiresAt: Number(exp), ttl: t };
    return { id, class: c as L.LimitClass, ...user, ...times };
  }

  async #run<T>(
    call: () => Promise<unknown>,
    parse: (r: Reply) => T,
  ): Promise<T | L.LimiterFailure> {
    const started = performance.now();
    try {
      return parse(await call() as Reply);
    } catch (e) {
      return { kind: "error", reason: e instanceof Error ? e.message : String(e) };
    } finally {
      this.#o.onCommand?.((performance.now() - started) / 1000);
    }
  }
}
