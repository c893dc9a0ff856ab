import { LeaseHolder } from "../limits/holder.ts";
import type { ConcurrencyLimiter } from "../limits/limiter.ts";
import { sleep } from "./backoff.ts";
import type { JobProcessor } from "./queue.ts";
import { runJob } from "./runner.ts";
import type { RunnerDeps } from "./runner-deps.ts";
import type { JobRecord } from "./types.ts";

/** The limiter lease a batch job runs under: its id names the job in a 429's message. */
export function batchLeaseId(jobId: string): string {
  return `job-${jobId}`;
}

/**
 * Runs `run` under a batch lease of the job's user (the limiter's `BATCH_GLOBAL_LIMIT` across
 * every replica, and the user's own limit shared with `/v1/leases`), renewed while it runs and
 * given back after. Until a lease is granted the job stays queued, looking again every
 * `pollMs`; it gives up when the job was cancelled meanwhile, or the replica stops.
 */
export async function withBatchLease(
  limiter: ConcurrencyLimiter,
  rec: JobRecord,
  stillActive: () => Promise<boolean>,
  signal: AbortSignal,
  run: () => Promise<void>,
  pollMs = 1000,
): Promise<void> {
  const id = batchLeaseId(rec.id);
  // A lease of this same job held by a replica that died: its own, so it is given back.
  await limiter.release(id);
  while (true) {
    const r = await limiter.acquire({ class: "batch", user: rec.user_id ?? undefined, id });
    if (r.kind === "granted") break;
    await sleep(pollMs, signal);
    if (!await stillActive()) return;
  }
  const holder = new LeaseHolder(limiter, id);
  holder.start();
  try {
    await run();
  } finally {
    holder.stop();
    await limiter.release(id);
  }
}

/** The queue's processor: single games run at once; batches once they hold a batch lease. */
export function jobProcessor(d: RunnerDeps, limiter: ConcurrencyLimiter): JobProcessor {
  return async (id, attempt, signal) => {
    const rec = await d.store.get(id);
    if (!rec) return;
    const run = () => runJob(d, id, attempt, signal);
    if (rec.kind !== "batch") return await run();
    const stillActive = async () => {
      const status = (await d.store.get(id))?.status;
      return status === "queued" || status === "running";
    };
    await withBatchLease(limiter, rec, stillActive, signal, run);
  };
}
