import { Hono } from "hono";
import { SSE_HEADERS } from "../../sse/format.ts";
import { dispatchJson } from "../../proxy/dispatch.ts";
import { dispatchStream } from "../../proxy/dispatch-stream.ts";
import type { Router } from "../../proxy/router.ts";
import type { RequestTrace } from "../context.ts";
import type { OpenedClientStream } from "../../proxy/stream-types.ts";
import { forwardHeaders } from "./forward-headers.ts";
import "../middleware/analysis-params.ts";

/** Live timeouts (they follow config reloads): request, stream idle, client keep-alive. */
export interface EngineTimeouts {
  /** One attempt: to the whole JSON answer, or to a stream's first event. */
  requestMs: number;
  /** A whole JSON request, every attempt included (REQUEST_DEADLINE). */
  deadlineMs: number;
  idleMs: number;
  keepAliveMs: number;
}

/** What the engine routes need: routing, timeouts, and a hook for finished requests. */
export interface EngineRouteDeps {
  router: Router;
  timeouts: () => EngineTimeouts;
  /** Whether a spot still answers its health check (asked when an attempt timed out). */
  stillAnswering?: (spotUrl: string) => Promise<boolean>;
  /** Called when a request is over (for a stream: when its body ends), for metrics. */
  onFinished?: (trace: RequestTrace) => void;
  /** Called when a client stream opens; `done` settles when it ends. */
  onStreamOpen?: (stream: OpenedClientStream) => void;
}

/**
 * The engine API of docs/design.md §2, proxied: `POST /analyze` and `GET /analyze/stream`.
 * Their input is validated by `analysisParams()`, mounted before admission.
 */
export function engineRoutes(deps: EngineRouteDeps): Hono {
  const app = new Hono();
  const traceOf = (c: { get(k: "trace"): RequestTrace | undefined }) =>
    c.get("trace") ?? { route: "", tried: [] };
  app.post("/analyze", async (c) => {
    const trace = traceOf(c);
    const t = deps.timeouts();
    try {
      const res = await dispatchJson(c.get("analysis").req, {
        router: deps.router,
        timeoutMs: t.requestMs,
        deadlineMs: t.deadlineMs,
        signal: c.req.raw.signal,
        headers: forwardHeaders(c),
        tried: trace.tried,
        stillAnswering: deps.stillAnswering,
        log: c.get("log"),
      });
      // A Response of our own rather than c.header() × 3 + c.body(): Hono would build a
      // Headers object and merge it; this is the JSON hot path.
      const headers = {
        "Content-Type": "application/json",
        "X-Engine-Spot": res.spot,
        "X-Engine-Attempts": String(res.attempts),
      };
      return new Response(res.text, { status: res.status, headers });
    } finally {
      deps.onFinished?.(trace);
    }
  });
  app.get("/analyze/stream", async (c) => {
    const { req, reconnect } = c.get("analysis");
    const trace = traceOf(c);
    const t = deps.timeouts();
    const opened = await dispatchStream(req, {
      router: deps.router,
      timeoutMs: t.requestMs,
      idleMs: t.idleMs,
      keepAliveMs: t.keepAliveMs,
      signal: c.req.raw.signal,
      headers: forwardHeaders(c),
      tried: trace.tried,
      resumeAfter: reconnect.kind === "resume" ? reconnect.after : undefined,
      log: c.get("log"),
    }).catch((err) => {
      deps.onFinished?.(trace);
      throw err;
    });
    trace.stream = opened.stats;
    trace.ended = opened.done;
    deps.onStreamOpen?.(opened);
    opened.done.then(() => deps.onFinished?.(trace));
    const headers = { ...SSE_HEADERS, "X-Engine-Spot": opened.spot };
    return new Response(opened.body, {
      headers: { ...headers, "X-Engine-Attempts": String(opened.attempts.count) },
    });
  });
  return app;
}
