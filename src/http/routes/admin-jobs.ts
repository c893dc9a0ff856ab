import { Hono } from "hono";
import { GatewayError } from "../../errors/gateway-error.ts";
import { retry } from "../../jobs/retry.ts";
import type { JobService } from "../../jobs/service.ts";
import type { JobStatus } from "../../jobs/types.ts";
import { jobView } from "../../jobs/view.ts";

const STATUSES: readonly JobStatus[] = ["queued", "running", "completed", "failed", "cancelled"];

/**
 * The admin side of the jobs (admin JWT, mounted under `/admin/*`): list jobs by status
 * (`?status=failed`, the default; `limit` up to 100, default 50), and retry a failed one.
 */
export function adminJobRoutes(service: JobService): Hono {
  const app = new Hono();
  app.get("/admin/jobs", async (c) => {
    const status = (c.req.query("status") ?? "failed") as JobStatus;
    const limit = Number(c.req.query("limit") ?? 50);
    if (!STATUSES.includes(status) || !Number.isInteger(limit) || limit < 1 || limit > 100) {
      throw new GatewayError("invalid_request", "status or limit is not valid", {
        hint: `status is one of ${STATUSES.join(", ")}; limit 1..100`,
      });
    }
    const ids = await service.store.list(status, limit);
    const recs = await Promise.all(ids.map((id) => service.store.get(id)));
    const jobs = await Promise.all(
      recs.flatMap((r) => (r ? [r] : [])).map(async (r) =>
        jobView(r, await service.store.queuePosition(r.id))
      ),
    );
    return c.json({ status, jobs });
  });
  app.post(
    "/admin/jobs/:id/retry",
    async (c) => c.json(await retry(service, c.req.param("id")), 202),
  );
  return app;
}
