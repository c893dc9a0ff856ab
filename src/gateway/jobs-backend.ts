import { type JobBackend, memoryBackend } from "../jobs/backend.ts";
import type { Gateway } from "./gateway.ts";

/**
 * The job backend the environment asks for: BullMQ on Redis with `REDIS_URL` (every replica
 * a worker; a dead replica's job taken over), else the in-process queue and store.
 */
export async function backendFor(gw: Gateway): Promise<JobBackend> {
  const env = gw.env;
  const settings = {
    gameConcurrency: env.JOB_CONCURRENCY,
    batchConcurrency: env.BATCH_GLOBAL_LIMIT,
    attempts: env.JOB_ATTEMPTS,
    backoffMs: env.JOB_BACKOFF_MS,
  };
  if (!env.REDIS_URL) return memoryBackend(env.JOB_RESULT_TTL, settings);
  // BullMQ is loaded only with Redis configured.
  const { redisBackend } = await import("../jobs/redis-backend.ts");
  const lock = { ...settings, lockMs: env.JOB_LOCK_MS };
  return await redisBackend(env.REDIS_URL, env.JOB_RESULT_TTL, lock, gw.log);
}
