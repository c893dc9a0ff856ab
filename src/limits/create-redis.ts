import type { AnswerContext } from "./answers.ts";
import type { LimiterConfig, LimiterSetup } from "./create.ts";
import { localLimits } from "./limiter.ts";
import { MemoryLimiter } from "./memory.ts";
import { ObservedLimiter } from "./observed.ts";
import { connectRedis, whenReady } from "./redis-client.ts";
import type { RedisTransition } from "./redis-guard.ts";
import { RedisProbe } from "./redis-probe.ts";
import { RedisLimiter } from "./redis.ts";
import { ResilientLimiter } from "./resilient.ts";

/** How long start-up waits for the first connection to Redis before counting it as down. */
const FIRST_CONNECT_MS = 1000;

/**
 * The Redis limiter of `createLimiter`: Redis behind a breaker, the in-memory fallback (global
 * limit / replicas), a probe that pings Redis every second so its state follows without
 * traffic, and the transitions into `spotgate_redis_up`, `spotgate_limiter_fallback_active`
 * and `cfg.onTransition`. Redis's state at start is known before this returns.
 */
export async function createRedisLimiter(
  cfg: LimiterConfig & { redisUrl: string },
  answers: AnswerContext,
): Promise<LimiterSetup> {
  const { limits, metrics } = cfg;
  const ttlMs = cfg.ttlMs ?? 30_000;
  const policy = cfg.onRedisDown ?? "local";
  const onReaped = (n: number) => metrics?.reaped.inc(n);
  const client = connectRedis(cfg.redisUrl, cfg.commandTimeoutMs);
  const up = await whenReady(client, FIRST_CONNECT_MS, true);
  const redis = new RedisLimiter({
    redis: client,
    limits,
    ttlMs,
    onReaped,
    onCommand: (s) => metrics?.redisSeconds.observe(s),
  });
  const local = localLimits(limits, cfg.replicas ?? 1);
  const fallback = new MemoryLimiter({ limits: local, ttlMs, onReaped });
  const report = (t: RedisTransition) => {
    metrics?.redisUp?.set(t.up ? 1 : 0);
    metrics?.fallbackActive.set(!t.up && policy === "local" ? 1 : 0);
    cfg.onTransition?.(t);
  };
  metrics?.redisUp?.set(1);
  metrics?.fallbackActive.set(0);
  const resilient = new ResilientLimiter({ redis, fallback, policy, up, onTransition: report });
  const probe = new RedisProbe(() => resilient.probe(), cfg.probeEveryMs);
  probe.start();
  return {
    limiter: new ObservedLimiter(resilient, answers.holdTimes, metrics),
    answers,
    backend: () =>
      resilient.redisUp ? "redis" : resilient.fallbackActive ? "fallback" : "unavailable",
    redisUp: () => resilient.redisUp,
    ping: () => client.ping().then((p) => p === "PONG", () => false),
    close: async () => {
      probe.stop();
      await redis.close();
    },
  };
}
