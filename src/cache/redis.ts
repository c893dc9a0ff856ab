import { Redis } from "ioredis";
import type { EngineResult } from "../api/types.ts";
import { redisOptions } from "../limits/redis-client.ts";
import { CACHE_DEADLINE_MS } from "./guarded.ts";
import { CACHE_GET, CACHE_PUT } from "./redis-scripts.ts";
import type { CacheStore } from "./store.ts";

/** The hash tag and prefix of every cache key in Redis (one Cluster slot). */
export const REDIS_PREFIX = "{sgcache}";
const INDEX = `${REDIS_PREFIX}:index`;

type CacheRedis = Redis & {
  cacheGet(entry: string, index: string, ttlMs: number): Promise<string | null>;
  cachePut(...args: (string | number)[]): Promise<number>;
};

/** Settings of the shared store: CACHE_TTL, CACHE_MAX_ENTRIES, and the command timeout. */
export interface RedisStoreOptions {
  url: string;
  ttlMs: number;
  maxEntries: number;
  /** ioredis's command timeout (default CACHE_DEADLINE_MS, the guard's deadline). */
  commandTimeoutMs?: number;
}

/**
 * The cache shared by every replica: a connection of its own with the limiter's settings (no
 * offline queue, a short command timeout, capped reconnects), two Lua scripts for reads and
 * the atomic keep-the-deeper write. Commands fail rather than wait; `GuardedStore` turns
 * failures into misses and keeps a breaker.
 */
export class RedisStore implements CacheStore {
  readonly backend = "redis" as const;
  readonly redis: CacheRedis;
  #entries = 0;

  constructor(private readonly o: RedisStoreOptions) {
    const redis = new Redis(o.url, redisOptions(o.commandTimeoutMs ?? CACHE_DEADLINE_MS));
    redis.on("error", () => {});
    redis.connect().catch(() => {});
    redis.defineCommand("cacheGet", { numberOfKeys: 2, lua: CACHE_GET });
    redis.defineCommand("cachePut", { lua: CACHE_PUT });
    this.redis = redis as CacheRedis;
  }

  /** Redis's key for a cache key. */
  static keyOf(key: string): string {
    return `${REDIS_PREFIX}:${key}`;
  }

  async get(key: string): Promise<EngineResult | undefined> {
    const json = await this.redis.cacheGet(RedisStore.keyOf(key), INDEX, this.o.ttlMs);
    return json === null ? undefined : JSON.parse(json);
  }

  async put(keys: string[], entry: EngineResult): Promise<void> {
    const redisKeys = keys.map((k) => RedisStore.keyOf(k));
    const args = [this.o.ttlMs, this.o.maxEntries, entry.depth, entry.multipv];
    await this.redis.cachePut(1 + keys.length, INDEX, ...redisKeys, ...args, JSON.stringify(entry));
  }

  async entries(): Promise<number> {
    this.#entries = await this.redis.zcard(INDEX);
    return this.#entries;
  }

  up(): boolean {
    return this.redis.status === "ready";
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
