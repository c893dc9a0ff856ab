import { DelayedError, type Job, Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { type JobProcessor, type JobQueue, type QueueSettings } from "./queue.ts";
import { RunStopped } from "./runner-deps.ts";
import { RANK } from "./store.ts";
import type { JobKind, JobRecord } from "./types.ts";

/** BullMQ's keys: apart from the job store's, under the same `spotgate:` namespace. */
export const BULL_PREFIX = "spotgate:bull";

/** The BullMQ queue's settings: the shared ones, the lock, and how long results are kept. */
export interface BullSettings extends QueueSettings {
  /** A worker's lock on a job (JOB_LOCK_MS, default 30 s): a dead replica's job is taken over after it. */
  lockMs: number;
  /** Seconds BullMQ keeps a finished job's entry (JOB_RESULT_TTL). */
  keepS: number;
}

const LANES: Record<JobKind, string> = { game: "spotgate-games", batch: "spotgate-batches" };

/**
 * The shared queue: one BullMQ queue per lane; every replica runs a worker on each. A worker
 * renews its lock every `lockMs / 2`; a replica that dies (SIGKILL) stops renewing, and after
 * `lockMs` another worker's stalled check moves the job back to waiting and runs it: the run
 * finds the positions already stored and searches only the rest. `connection` must have
 * `maxRetriesPerRequest: null` (BullMQ's workers block on it).
 */
export class BullJobQueue implements JobQueue {
  readonly backend = "redis" as const;
  readonly #queues: Record<JobKind, Queue>;
  readonly #workers: Worker[] = [];
  readonly #stop = new AbortController();

  constructor(private readonly connection: Redis, private readonly s: BullSettings) {
    const opts = { connection, prefix: BULL_PREFIX };
    this.#queues = { game: new Queue(LANES.game, opts), batch: new Queue(LANES.batch, opts) };
  }

  async add(rec: JobRecord): Promise<void> {
    await this.#queues[rec.kind].add(rec.kind, { id: rec.id }, {
      jobId: rec.id,
      // BullMQ: 1 is the highest priority; single games by theirs, batches all alike.
      priority: (rec.kind === "batch" ? RANK.batch : RANK[rec.priority]) + 1,
      attempts: this.s.attempts,
      backoff: { type: "exponential", delay: this.s.backoffMs },
      removeOnComplete: { age: this.s.keepS },
      removeOnFail: { age: this.s.keepS },
    });
  }

  async retry(rec: JobRecord): Promise<void> {
    const job = await this.#queues[rec.kind].getJob(rec.id);
    if (job && (await job.getState()) === "failed") {
      await job.retry("failed", { resetAttemptsMade: true });
    } else await this.add(rec);
  }

  start(processor: JobProcessor): void {
    for (const kind of ["game", "batch"] as const) {
      const run = async (job: Job, token?: string) => {
        const number = job.attemptsMade + 1;
        const final = number >= (job.opts.attempts ?? 1);
        try {
          await processor(job.id!, { number, final }, this.#stop.signal);
        } catch (err) {
          if (!(err instanceof RunStopped && err.why === "shutdown")) throw err;
          // This replica stops: the job goes back at once, without spending an attempt.
          await job.moveToDelayed(Date.now(), token);
          throw new DelayedError();
        }
      };
      const worker = new Worker(LANES[kind], run, {
        connection: this.connection,
        prefix: BULL_PREFIX,
        concurrency: kind === "game" ? this.s.gameConcurrency : this.s.batchConcurrency,
        lockDuration: this.s.lockMs,
        stalledInterval: this.s.lockMs,
        // A job whose replicas keep dying is failed after a few takeovers, not retried forever.
        maxStalledCount: 3,
      });
      worker.on("error", () => {}); // connection trouble: BullMQ reconnects by itself
      this.#workers.push(worker);
    }
  }

  async close(): Promise<void> {
    this.#stop.abort(new RunStopped("shutdown")); // running attempts end within moments and hand their jobs back
    const closing = Promise.all(this.#workers.map((w) => w.close()));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = await Promise.race([
      closing,
      new Promise((r) => timer = setTimeout(r, 5000, "late")),
    ]);
    clearTimeout(timer);
    // Still not closed (Redis away?): stop waiting; the locks lapse and another replica takes over.
    if (late === "late") await Promise.all(this.#workers.map((w) => w.close(true)));
    await Promise.all(Object.values(this.#queues).map((q) => q.close()));
  }
}
