import type { GatewayEnv } from "../config/env.ts";
import type { Analyzer } from "../cache/analyzer.ts";
import { PositionCache } from "../cache/cache.ts";
import { GuardedStore } from "../cache/guarded.ts";
import { MemoryStore } from "../cache/memory.ts";
import { hitRatio, registerCacheMetrics } from "../cache/metrics.ts";
import type { CacheStore } from "../cache/store.ts";
import { Flights } from "../proxy/coalesce-flights.ts";
import type { HealthzSection } from "../http/routes/probes.ts";
import { analyzerFor } from "./analyzer-setup.ts";
import type { Gateway } from "./gateway.ts";

/** The cache as the environment configures it: the analyzer, its `/healthz` part, shutdown. */
export interface CacheSetup {
  analyzer: Analyzer;
  healthz: HealthzSection;
  close: () => Promise<void>;
}

// ioredis is loaded only when Redis is configured (it costs RSS otherwise unused).
async function storeFor(env: GatewayEnv, gw: Gateway): Promise<CacheStore> {
  const ttlMs = env.CACHE_TTL * 1000;
  if (!env.REDIS_URL) {
    return new MemoryStore({
      maxEntries: env.CACHE_MAX_ENTRIES,
      maxBytes: env.CACHE_MAX_BYTES,
      ttlMs,
    });
  }
  const { RedisStore } = await import("../cache/redis.ts");
  const { whenReady } = await import("../limits/redis-client.ts");
  const redis = new RedisStore({ url: env.REDIS_URL, ttlMs, maxEntries: env.CACHE_MAX_ENTRIES });
  // As the limiter does: the first lookups should not fail (and trip the breaker) while the
  // connection is still being made; a Redis that does not answer within 1 s is down at start.
  await whenReady(redis.redis, 1000, true);
  return new GuardedStore(redis, {
    onTransition: (up, reason) =>
      up
        ? gw.log.warn("cache: redis reachable again")
        : gw.log.warn(`cache: redis unreachable (${reason}): analyses go to spots`, { reason }),
  });
}

/**
 * The position cache and coalescing from the environment (README "Cache"): memory, or Redis
 * shared by every replica with `REDIS_URL`; `CACHE=off` turns both off (every answer
 * `X-Cache: bypass`). The cache's metrics are registered either way.
 */
export async function cacheFromEnv(env: GatewayEnv, gw: Gateway): Promise<CacheSetup> {
  const store = env.CACHE === "on" ? await storeFor(env, gw) : undefined;
  const flights = env.CACHE === "on" ? new Flights(env.COALESCE_MAX_WAITERS) : undefined;
  const metrics = registerCacheMetrics(gw.metrics.registry, {
    entries: () => store?.entries() ?? Promise.resolve(0),
    waiters: () => flights?.waiters() ?? 0,
  });
  const cache = store ? new PositionCache(store, metrics) : undefined;
  const analyzer = analyzerFor(gw, { cache, flights, metrics });
  const healthz: HealthzSection = async () => {
    const counts = metrics.counts();
    const common = { requests: counts, hit_ratio: hitRatio(counts) };
    if (!store) return { cache: { enabled: false, backend: "off", ...common } };
    return {
      cache: {
        enabled: true,
        backend: store.backend,
        redis: store.backend === "redis" ? (store.up() ? "ok" : "unreachable") : undefined,
        entries: await store.entries(),
        max_entries: env.CACHE_MAX_ENTRIES,
        max_bytes: store.backend === "memory" ? env.CACHE_MAX_BYTES : undefined,
        ttl_s: env.CACHE_TTL,
        ...common,
        coalesced_waiters: flights?.waiters() ?? 0,
        searches_in_flight: flights?.size(),
      },
    };
  };
  return { analyzer, healthz, close: () => store?.close() ?? Promise.resolve() };
}
