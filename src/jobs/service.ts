import { GatewayError } from "../errors/gateway-error.ts";
import type { Logger } from "../obs/log.ts";
import type { GameParsers } from "./games-input.ts";
import { finishJob } from "./finish.ts";
import { countFinished, type JobMetrics } from "./metrics.ts";
import type { JobQueue } from "./queue.ts";
import type { JobLog, JobStore } from "./store.ts";
import { type Submission, submitJob } from "./submit.ts";
import { FINISHED, type JobRecord, type JobStatus } from "./types.ts";
import { type JobView, jobView } from "./view.ts";

/** The limits of the job API (README "Game analysis jobs"). */
export interface JobLimits {
  /** JOB_MAX_GAMES (200). */
  maxGames: number;
  /** JOB_QUEUE_MAX (100). */
  maxWaiting: number;
  /** BATCH_USER_LIMIT (1). */
  userBatches: number;
  /** JOB_MAX_BODY_BYTES (2 MiB). */
  maxBodyBytes: number;
}

/** What the job routes work with: the store, the log, the queue, the parsers and the limits. */
export interface JobService {
  store: JobStore;
  log: JobLog;
  queue: JobQueue;
  parsers: GameParsers;
  limits: JobLimits;
  metrics: JobMetrics;
  logger: Logger;
}

const notFound = (id: string) =>
  new GatewayError("not_found", `No job with id "${id}"`, {
    hint: "Finished jobs are kept JOB_RESULT_TTL seconds (default 24 h); check the id",
  });

/** Creates and queues a job; the answer's view (202). */
export async function submit(s: JobService, sub: Submission): Promise<JobView> {
  const rec = await submitJob({
    store: s.store,
    queue: s.queue,
    maxWaiting: s.limits.maxWaiting,
    userBatches: s.limits.userBatches,
    logger: s.logger,
  }, sub);
  // Read back: the job may have started already.
  const [now, position] = await Promise.all([s.store.get(rec.id), s.store.queuePosition(rec.id)]);
  return jobView(now ?? rec, position);
}

/**
 * The job, for `user` (a job of another identified user is a 404, as if it did not exist:
 * ids are not secrets); 404 `not_found` for an unknown or expired one.
 */
export async function jobFor(s: JobService, id: string, user?: string): Promise<JobRecord> {
  const rec = await s.store.get(id);
  if (!rec || (user !== undefined && rec.user_id !== null && rec.user_id !== user)) {
    throw notFound(id);
  }
  return rec;
}

/** The job as `GET /v1/jobs/{id}` shows it, games included. */
export async function viewOf(s: JobService, rec: JobRecord): Promise<JobView> {
  const [position, results] = await Promise.all([
    s.store.queuePosition(rec.id),
    s.log.results(rec.id),
  ]);
  return jobView(rec, position, results);
}

/** Cancels a job (idempotent): a finished one stays as it is; a running one stops. */
export async function cancel(s: JobService, rec: JobRecord): Promise<void> {
  if (FINISHED.includes(rec.status)) return;
  const from: JobStatus[] = ["queued", "running"];
  if (!await finishJob(s, rec, "cancelled", null, from)) return;
  countFinished(s.metrics, rec.kind, "cancelled");
  s.logger.info("job cancelled", { job_id: rec.id, kind: rec.kind, was: rec.status });
}
