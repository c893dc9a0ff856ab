import { GatewayError } from "../errors/gateway-error.ts";
import { jobFor, type JobService, viewOf } from "./service.ts";
import type { JobView } from "./view.ts";

/** Queues a failed job again from its first attempt (admin); its stored positions are kept. */
export async function retry(s: JobService, id: string): Promise<JobView> {
  const rec = await jobFor(s, id);
  if (rec.status !== "failed") {
    throw new GatewayError(
      "invalid_request",
      `Job ${id} is ${rec.status}: only a failed job is retried`,
      {
        hint: "GET /admin/jobs?status=failed lists the failed jobs",
      },
    );
  }
  const patch = { error: null, finished_at: null, attempts: 0 };
  if (!await s.store.transition(id, ["failed"], "queued", patch)) return await retry(s, id);
  if (rec.kind === "batch" && rec.user_id !== null) {
    await s.store.claimBatch(rec.user_id, id, Infinity);
  }
  await s.queue.retry(rec);
  s.logger.info("job retried by admin", { job_id: id, kind: rec.kind, error: rec.error });
  return await viewOf(s, (await s.store.get(id))!);
}
