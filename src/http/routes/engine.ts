import { Hono } from "hono";
import { readJsonObject } from "../../api/body.ts";
import { parseAnalysisParams } from "../../api/params.ts";
import { SSE_HEADERS } from "../../sse/format.ts";
import { dispatchJson } from "../../proxy/dispatch.ts";
import { dispatchStream } from "../../proxy/dispatch-stream.ts";
import type { Router } from "../../proxy/router.ts";
import type { RequestTrace } from "../context.ts";
import type { OpenedClientStream } from "../../proxy/stream-types.ts";
import { forwardHeaders } from "./forward-headers.ts";

/** Live timeouts (they follow config reloads): request, stream idle, client keep-alive. */
export interface EngineTimeouts {
  requestMs: number;
  idleMs: number;
  keepAliveMs: number;
}

/** What the engine routes need: routing, timeouts, and a hook for finished requests. */
export interface EngineRouteDeps {
  router: Router;
  timeouts: () => EngineTimeouts;
  maxBodyBytes?: number;
  /** Called when a request is over (for a stream: when its body ends), for metrics. */
  onFinished?: (trace: RequestTrace) => void;
  /** Called when a client stream opens; `done` settles when it ends. */
  onStreamOpen?: (stream: OpenedClientStream) => void;
}

/** The engine API of DESIGN §2, proxied: `POST /analyze` and `GET /analyze/stream`. */
export function engineRoutes(deps: EngineRouteDeps): Hono {
  const app = new Hono();
  const traceOf = (c: { get(k: "trace"): RequestTrace | undefined }) =>
    c.get("trace") ?? { route: "", tried: [] };
  const finish = (trace: RequestTrace) => {
    deps.router.requestEnded(Math.max(0, trace.tried.length - 1));
    deps.onFinished?.(trace);
  };
  app.post("/analyze", async (c) => {
    const req = parseAnalysisParams(await readJsonObject(c, deps.maxBodyBytes));
    const trace = traceOf(c);
    deps.router.requestStarted();
    try {
      const res = await dispatchJson(req, {
        router: deps.router,
        timeoutMs: deps.timeouts().requestMs,
        signal: c.req.raw.signal,
        headers: forwardHeaders(c),
        tried: trace.tried,
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
      finish(trace);
    }
  });
  app.get("/analyze/stream", async (c) => {
    const req = parseAnalysisParams(c.req.query());
    const trace = traceOf(c);
    const t = deps.timeouts();
    deps.router.requestStarted();
    const opened = await dispatchStream(req, {
      router: deps.router,
      timeoutMs: t.requestMs,
      idleMs: t.idleMs,
      keepAliveMs: t.keepAliveMs,
      signal: c.req.raw.signal,
      headers: forwardHeaders(c),
      tried: trace.tried,
    }).catch((err) => {
      finish(trace);
      throw err;
    });
    trace.stream = opened.stats;
    trace.ended = opened.done;
    deps.onStreamOpen?.(opened);
    opened.done.then(() => finish(trace));
    const headers = { ...SSE_HEADERS, "X-Engine-Spot": opened.spot };
    return new Response(opened.body, {
      headers: { ...headers, "X-Engine-Attempts": String(opened.attempts.count) },
    });
  });
  return app;
}
