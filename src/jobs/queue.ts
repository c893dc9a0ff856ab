import type { Attempt } from "./runner-deps.ts";
import type { JobRecord } from "./types.ts";

/** What a queue runs for a job: one attempt; a throw asks for a retry after a backoff. */
export type JobProcessor = (id: string, attempt: Attempt, signal: AbortSignal) => Promise<void>;

/** Retry and concurrency settings shared by both queues (README "Game analysis jobs"). */
export interface QueueSettings {
  /** Single-game jobs one replica runs at once (JOB_CONCURRENCY, default 4). */
  gameConcurrency: number;
  /** Batch jobs one replica takes at once (BATCH_GLOBAL_LIMIT: no more can run anyway). */
  batchConcurrency: number;
  /** Attempts per job (JOB_ATTEMPTS, default 3). */
  attempts: number;
  /** First retry delay in ms, doubling (JOB_BACKOFF_MS, default 2000). */
  backoffMs: number;
}

/**
 * The job queue: BullMQ on Redis (every replica's workers take jobs; a dead replica's job is
 * taken over), or in-process. Two lanes: single games (by priority) and batches, so a batch
 * never holds a game up. Both retry a failed attempt with exponential backoff.
 */
export interface JobQueue {
  readonly backend: "memory" | "redis";
  /** Queues a job (stored beforehand). */
  add(rec: JobRecord): Promise<void>;
  /** Starts this replica's workers. */
  start(processor: JobProcessor): void;
  /** Queues a failed job again, from its first attempt (admin retry). */
  retry(rec: JobRecord): Promise<void>;
  /** Stops the workers; running attempts are aborted (with Redis, another replica resumes them). */
  close(): Promise<void>;
}

/** The delay before attempt `next` (from 2): `backoffMs` doubling. */
export function backoffDelay(backoffMs: number, next: number): number {
  return backoffMs * 2 ** Math.max(0, next - 2);
}
