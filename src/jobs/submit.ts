import { GatewayError } from "../errors/gateway-error.ts";
import type { Logger } from "../obs/log.ts";
import type { JobQueue } from "./queue.ts";
import type { JobStore } from "./store.ts";
import type { GamePriority, JobGame, JobKind, JobRecord } from "./types.ts";

/** Seconds a refused submission is told to wait (a queue slot or a batch frees that slowly). */
export const SUBMIT_RETRY_AFTER = 30;

/** What submitting needs: where jobs go, the limits, the log; clock and ids for tests. */
export interface SubmitDeps {
  store: JobStore;
  queue: JobQueue;
  /** JOB_QUEUE_MAX: jobs that may wait at once (default 100). */
  maxWaiting: number;
  /** BATCH_USER_LIMIT: a user's active batches (default 1). */
  userBatches: number;
  logger: Logger;
  now?: () => number;
  newId?: () => string;
}

/** A validated request for a job. */
export interface Submission {
  kind: JobKind;
  user: string | undefined;
  games: JobGame[];
  phases: number[];
  priority: GamePriority;
}

const queueFull = (max: number) =>
  new GatewayError("capacity_exhausted", `The job queue is full (${max} jobs waiting)`, {
    retryAfter: SUBMIT_RETRY_AFTER,
    hint: `Jobs are being worked off; retry in ${SUBMIT_RETRY_AFTER} s (Retry-After)`,
  });

function batchLimit(running: string, limit: number): GatewayError {
  return new GatewayError(
    "user_concurrency_limit",
    `You already have a batch job running (job ${running}): wait for it to finish or cancel it`,
    {
      retryAfter: SUBMIT_RETRY_AFTER,
      hint: `GET /v1/jobs/${running} follows it, DELETE /v1/jobs/${running} cancels it; ` +
        `the limit is ${limit} active batch job${limit === 1 ? "" : "s"} per user`,
    },
  );
}

/**
 * Creates and queues a job: 503 `capacity_exhausted` when `maxWaiting` jobs wait; for a
 * user's batch beyond their limit (queued or running ones), 429 `user_concurrency_limit`
 * naming the active one. Nothing is stored for a refused request.
 */
export async function submitJob(d: SubmitDeps, s: Submission): Promise<JobRecord> {
  if (await d.store.waitingCount() >= d.maxWaiting) throw queueFull(d.maxWaiting);
  const id = (d.newId ?? (() => crypto.randomUUID()))();
  const claimed = s.kind === "batch" && s.user !== undefined;
  if (claimed) {
    const running = await d.store.claimBatch(s.user!, id, d.userBatches);
    if (running !== null) throw batchLimit(running, d.userBatches);
  }
  const rec: JobRecord = {
    id,
    kind: s.kind,
    user_id: s.user ?? null,
    status: "queued",
    priority: s.priority,
    phases: s.phases,
    phase: 0,
    progress: {
      done: 0,
      total: s.phases.length * s.games.reduce((n, g) => n + g.plies + 1, 0),
      percent: 0,
    },
    created_at: (d.now ?? Date.now)(),
    started_at: null,
    finished_at: null,
    attempts: 0,
    error: null,
    game_count: s.games.length,
  };
  try {
    await d.store.create(rec, s.games);
    await d.queue.add(rec);
  } catch (err) {
    await d.store.transition(id, ["queued"], "failed", { error: "could not be queued" })
      .catch(() => false);
    if (claimed) await d.store.releaseBatch(s.user!, id).catch(() => {});
    throw err;
  }
  d.logger.info("job created", {
    job_id: id,
    kind: s.kind,
    games: s.games.length,
    phases: s.phases,
  });
  return rec;
}
