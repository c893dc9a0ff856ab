import type { JobLog, JobStore } from "./store.ts";
import type { JobRecord, JobStatus } from "./types.ts";
import { jobView } from "./view.ts";

/** What finishing a job touches: the store, the log, and the clock. */
export interface FinishDeps {
  store: JobStore;
  log: JobLog;
  now?: () => number;
}

/**
 * Ends a job in a finished status (only from `from`, so a cancel and a completion never both
 * win): stamps `finished_at` and the error, frees the user's batch slot, and publishes the
 * last event — `failed` for a failure, else `done` — carrying the job as `GET` shows it.
 * Whether this call was the one that ended it.
 */
export async function finishJob(
  d: FinishDeps,
  rec: JobRecord,
  status: Exclude<JobStatus, "queued" | "running">,
  error: string | null,
  from: JobStatus[] = ["running"],
): Promise<boolean> {
  const finishedAt = (d.now ?? Date.now)();
  if (!await d.store.transition(rec.id, from, status, { finished_at: finishedAt, error })) {
    return false;
  }
  if (rec.kind === "batch" && rec.user_id !== null) {
    await d.store.releaseBatch(rec.user_id, rec.id);
  }
  const now = await d.store.get(rec.id);
  const view = jobView(
    now ?? { ...rec, status, finished_at: finishedAt, error },
    null,
    await d.log.results(rec.id),
  );
  await d.log.append(rec.id, status === "failed" ? "failed" : "done", view);
  return true;
}
