import { Redis } from "ioredis";
import type { Logger } from "../obs/log.ts";
import type { JobBackend } from "./backend.ts";
import { BullJobQueue, type BullSettings } from "./bullmq-queue.ts";
import { RedisJobLog } from "./redis-log.ts";
import { RedisJobStore } from "./redis-store.ts";

/** The one eviction policy under which Redis never drops a queued job (BullMQ's requirement). */
export const REQUIRED_POLICY = "noeviction";

/** The start-up warning for the Redis found, or undefined when its policy is `noeviction`. */
export function evictionWarning(policy: string | undefined): string | undefined {
  if (policy === undefined || policy === REQUIRED_POLICY) return undefined;
  return `Redis maxmemory-policy is ${policy}, not ${REQUIRED_POLICY}: under memory pressure ` +
    "it may evict queued jobs and their results; set maxmemory-policy noeviction";
}

/** Redis's `maxmemory-policy`, or undefined when CONFIG is not allowed (managed Redis). */
export async function evictionPolicy(redis: Redis): Promise<string | undefined> {
  try {
    const reply = await redis.config("GET", "maxmemory-policy") as string[];
    return reply[1];
  } catch {
    return undefined;
  }
}

/**
 * The shared backend (`REDIS_URL`): the store and log on one connection (commands time out
 * after 2 s, so an API call never hangs), BullMQ on its own (blocking commands, no retry
 * limit, as BullMQ requires). Warns once when Redis may evict keys.
 */
export async function redisBackend(
  url: string,
  resultTtlS: number,
  settings: Omit<BullSettings, "keepS">,
  log: Logger,
): Promise<JobBackend> {
  const data = new Redis(url, { commandTimeout: 2000, maxRetriesPerRequest: 1 });
  data.on("error", () => {}); // failed commands surface as errors of the calls that made them
  const bull = new Redis(url, { maxRetriesPerRequest: null });
  bull.on("error", () => {});
  const warning = evictionWarning(await evictionPolicy(data));
  if (warning) log.warn(warning, { setting: "maxmemory-policy" });
  const store = new RedisJobStore(data, resultTtlS);
  const queue = new BullJobQueue(bull, { ...settings, keepS: resultTtlS });
  return {
    store,
    log: new RedisJobLog(data),
    queue,
    close: async () => {
      await queue.close();
      await store.close();
      await bull.quit().catch(() => {});
    },
  };
}
