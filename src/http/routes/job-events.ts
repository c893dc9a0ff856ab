import { Hono } from "hono";
import { jobEventStream, parseJobEventId } from "../../jobs/event-stream.ts";
import { jobFor, type JobService } from "../../jobs/service.ts";
import { FINISHED } from "../../jobs/types.ts";
import { SSE_HEADERS } from "../../sse/format.ts";
import { identify } from "../middleware/identify.ts";

/** What the event route needs: the jobs, the user header, the keep-alive, the drain flag. */
export interface JobEventRouteDeps {
  service: JobService;
  userHeader: string;
  keepAliveMs: () => number;
  draining: () => boolean;
  pollMs?: number;
}

/**
 * `GET /v1/jobs/{id}/events` (docs/design.md §10): the job's events from the start, or after the
 * `Last-Event-ID` a reconnecting client sends (header, or `?last_event_id=`). A client that
 * already has the last event of a finished job gets 204, which tells an EventSource to stop.
 */
export function jobEventRoutes(d: JobEventRouteDeps): Hono {
  const app = new Hono();
  app.get("/v1/jobs/:id/events", async (c) => {
    const id = c.req.param("id");
    const rec = await jobFor(d.service, id, await identify(c, d.userHeader));
    const after = parseJobEventId(c.req.header("last-event-id") ?? c.req.query("last_event_id"));
    const next = await d.service.log.since(id, after);
    // Nothing after the client's last event, and nothing will come: the stream is over.
    if (next.length === 0 && FINISHED.includes(rec.status)) return c.body(null, 204);
    const body = jobEventStream({
      log: d.service.log,
      id,
      after,
      pollMs: d.pollMs,
      keepAliveMs: d.keepAliveMs(),
      stopping: d.draining,
    });
    return new Response(body, { headers: SSE_HEADERS });
  });
  return app;
}
