import { Redis, type RedisOptions } from "ioredis";
import { ACQUIRE, RELEASE, RENEW } from "./redis-scripts.ts";

/**
 * ioredis settings that never hang a request: no offline queue (a command fails at once while
 * disconnected), a short command timeout, one retry, and a lazy capped reconnect.
 */
export function redisOptions(commandTimeoutMs: number): RedisOptions {
  return {
    enableOfflineQueue: false,
    commandTimeout: commandTimeoutMs,
    connectTimeout: 1000,
    maxRetriesPerRequest: 1,
    lazyConnect: true,
    retryStrategy: (times) => Math.min(100 * times, 1000),
  };
}

/** A Redis client with the limiter's three scripts defined (EVALSHA with automatic load). */
export type LimiterRedis = Redis & {
  limAcquire(...args: (string | number)[]): Promise<unknown>;
  limRenew(...args: (string | number)[]): Promise<unknown>;
  limRelease(...args: (string | number)[]): Promise<unknown>;
};

/**
 * Opens a connection for the limiter (default command timeout 200 ms, so that an acquire
 * answers within 300 ms even when Redis hangs). Errors surface as failed commands: the
 * `error` event is consumed here and the breaker above decides.
 */
export function connectRedis(url: string, commandTimeoutMs = 200): LimiterRedis {
  const redis = new Redis(url, redisOptions(commandTimeoutMs));
  redis.on("error", () => {});
  redis.connect().catch(() => {});
  redis.defineCommand("limAcquire", { numberOfKeys: 2, lua: ACQUIRE });
  redis.defineCommand("limRenew", { numberOfKeys: 1, lua: RENEW });
  redis.defineCommand("limRelease", { numberOfKeys: 1, lua: RELEASE });
  return redis as LimiterRedis;
}

/**
 * Resolves true once the connection is ready, false after `timeoutMs` or, with
 * `giveUpOnError`, at the first connection error (a refused port answers at once).
 */
export function whenReady(
  redis: Redis,
  timeoutMs: number,
  giveUpOnError = false,
): Promise<boolean> {
  if (redis.status === "ready") return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      redis.off("ready", onReady);
      redis.off("error", onError);
      resolve(ok);
    };
    const onReady = () => done(true);
    const onError = () => done(false);
    const timer = setTimeout(() => done(false), timeoutMs);
    redis.on("ready", onReady);
    if (giveUpOnError) redis.on("error", onError);
  });
}
