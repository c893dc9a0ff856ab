import { Hono } from "hono";
import type { Gateway } from "../../gateway/gateway.ts";
import { encodeEvent, encodeRetry, SSE_HEADERS } from "../../sse/format.ts";
import { healthzReport, type HealthzSection } from "./healthz-report.ts";
import { StatusFeed } from "./status-feed.ts";

/** The path of the status stream (README "Console"). */
export const STATUS_EVENTS_PATH = "/healthz/events";

/**
 * `GET /healthz/events`: the `/healthz` report as Server-Sent Events, `event: status` every
 * `intervalMs` (default 1 s) with an increasing `id`, for the console's fleet view. Open like
 * `/healthz` (no spot URLs in it). While the gateway drains, the last report says `draining`
 * and the stream ends, so open consoles never hold a shutdown up.
 */
export function statusEventRoutes(
  gw: Gateway,
  sections: HealthzSection[] = [],
  intervalMs = 1000,
): Hono {
  const feed = new StatusFeed({
    build: () => healthzReport(gw, sections),
    final: () => gw.draining,
    intervalMs,
    onError: (error) => gw.log.warn("status report failed", { error: String(error) }),
  });
  const app = new Hono();
  app.get(STATUS_EVENTS_PATH, () => {
    let unsubscribe: (() => void) | undefined;
    const body = new ReadableStream<Uint8Array>({
      start(ctl) {
        ctl.enqueue(encodeRetry(3000));
        unsubscribe = feed.subscribe((report, seq, last) => {
          ctl.enqueue(
            encodeEvent({ event: "status", id: String(seq), data: JSON.stringify(report) }),
          );
          if (!last) return;
          unsubscribe?.();
          ctl.close();
        });
      },
      // The client went away: its subscription ends with it.
      cancel: () => unsubscribe?.(),
    });
    return new Response(body, { headers: SSE_HEADERS });
  });
  return app;
}
