import type { AnswerContext } from "./answers.ts";
import { HoldTimes } from "./hold-times.ts";
import { type Limits, localLimits } from "./limiter.ts";
import { MemoryLimiter } from "./memory.ts";
import type { LimiterMetrics } from "./metrics.ts";
import { ObservedLimiter } from "./observed.ts";
import { type RedisDownPolicy, ResilientLimiter } from "./resilient.ts";

/** Settings from the environment (README "Limits"); numbers, never read from env here. */
export interface LimiterConfig {
  limits: Limits;
  /** Lease time to live in ms (LEASE_TTL × 1000; default 30 000). */
  ttlMs?: number;
  /** REDIS_URL; absent: in-memory limits for this replica alone. */
  redisUrl?: string;
  /** LIMITER_ON_REDIS_DOWN (default `local`). */
  onRedisDown?: RedisDownPolicy;
  /** GATEWAY_REPLICAS: the local fallback applies global / replicas (default 1). */
  replicas?: number;
  metrics?: LimiterMetrics;
  commandTimeoutMs?: number;
}

/** A wired limiter: use `limiter` and `answers`; `backend`/`ping` serve the probes. */
export interface LimiterSetup {
  limiter: ObservedLimiter;
  answers: AnswerContext;
  /** `memory` (no Redis), `redis`, or `fallback` while Redis is away. */
  backend(): "memory" | "redis" | "fallback";
  /** Whether Redis answers PING (true without Redis). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Builds the limiter the config asks for: memory, or Redis behind a breaker with a fallback.
 * ioredis is loaded only when Redis is configured (it costs ~7 MB of RSS otherwise unused).
 */
export async function createLimiter(cfg: LimiterConfig): Promise<LimiterSetup> {
  const { limits, metrics } = cfg;
  const ttlMs = cfg.ttlMs ?? 30_000;
  const holdTimes = new HoldTimes();
  const onReaped = (n: number) => metrics?.reaped.inc(n);
  const answers = { limits, holdTimes };
  if (!cfg.redisUrl) {
    const memory = new MemoryLimiter({ limits, ttlMs, onReaped });
    return {
      limiter: new ObservedLimiter(memory, holdTimes, metrics),
      answers,
      backend: () => "memory",
      ping: () => Promise.resolve(true),
      close: () => Promise.resolve(),
    };
  }
  const { connectRedis } = await import("./redis-client.ts");
  const { RedisLimiter } = await import("./redis.ts");
  const redis = new RedisLimiter({
    redis: connectRedis(cfg.redisUrl, cfg.commandTimeoutMs),
    limits,
    ttlMs,
    onReaped,
    onCommand: (s) => metrics?.redisSeconds.observe(s),
  });
  const fallback = new MemoryLimiter({
    limits: localLimits(limits, cfg.replicas ?? 1),
    ttlMs,
    onReaped,
  });
  const resilient = new ResilientLimiter({
    redis,
    fallback,
    policy: cfg.onRedisDown ?? "local",
    onFallback: (active) => metrics?.fallbackActive.set(active ? 1 : 0),
  });
  metrics?.fallbackActive.set(0);
  return {
    limiter: new ObservedLimiter(resilient, holdTimes, metrics),
    answers,
    backend: () => (resilient.fallbackActive ? "fallback" : "redis"),
    ping: () => redis.redis.ping().then((p) => p === "PONG", () => false),
    close: () => redis.close(),
  };
}
