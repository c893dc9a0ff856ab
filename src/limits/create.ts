import type { AnswerContext } from "./answers.ts";
import { HoldTimes } from "./hold-times.ts";
import type { Limits } from "./limiter.ts";
import { MemoryLimiter } from "./memory.ts";
import type { LimiterMetrics } from "./metrics.ts";
import { ObservedLimiter } from "./observed.ts";
import type { RedisTransition } from "./redis-guard.ts";
import type { RedisDownPolicy } from "./resilient.ts";

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
  /** Called once per Redis transition (unreachable; back, with the leases written back). */
  onTransition?: (t: RedisTransition) => void;
  /** How often Redis is pinged while idle (default REDIS_PROBE_MS, 1 s). */
  probeEveryMs?: number;
}

/** A wired limiter: use `limiter` and `answers`; `backend`/`redisUp`/`ping` serve the probes. */
export interface LimiterSetup {
  limiter: ObservedLimiter;
  answers: AnswerContext;
  /**
   * `memory` (no Redis), `redis`, `fallback` while Redis is away (policy `local`), or
   * `unavailable` while Redis is away and the policy is `deny`.
   */
  backend(): "memory" | "redis" | "fallback" | "unavailable";
  /** Whether the limiter reaches Redis now (from its calls and its 1 s probe); undefined without Redis. */
  redisUp(): boolean | undefined;
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
  const answers = { limits, holdTimes: new HoldTimes() };
  if (cfg.redisUrl) {
    const { createRedisLimiter } = await import("./create-redis.ts");
    return await createRedisLimiter({ ...cfg, redisUrl: cfg.redisUrl }, answers);
  }
  const onReaped = (n: number) => metrics?.reaped.inc(n);
  const memory = new MemoryLimiter({ limits, ttlMs: cfg.ttlMs ?? 30_000, onReaped });
  return {
    limiter: new ObservedLimiter(memory, answers.holdTimes, metrics),
    answers,
    backend: () => "memory",
    redisUp: () => undefined,
    ping: () => Promise.resolve(true),
    close: () => Promise.resolve(),
  };
}
