import { Hono } from "hono";
import { SSE_HEADERS } from "../../sse/format.ts";
import type { Analyzer } from "../../cache/analyzer.ts";
import type { RequestTrace } from "../context.ts";
import type { OpenedClientStream } from "../../proxy/stream-types.ts";
import { forwardHeaders } from "./forward-headers.ts";
import { noCache } from "./cache-headers.ts";
import "../middleware/analysis-params.ts";

export type { EngineTimeouts } from "../../proxy/timeouts.ts";

/** What the engine routes need: the analyzer, and hooks for finished requests and streams. */
export interface EngineRouteDeps {
  /** Cache, coalescing and routing (src/cache/analyzer.ts). */
  analyzer: Analyzer;
  /** Called when a request is over (for a stream: when its body ends), for metrics. */
  onFinished?: (trace: RequestTrace) => void;
  /** Called when a live client stream opens; `done` settles when it ends. */
  onStreamOpen?: (stream: OpenedClientStream) => void;
}

/**
 * The engine API of docs/design.md §2: `POST /analyze` and `GET /analyze/stream`, answered
 * from the position cache, a search in flight, or a spot (docs/design.md §9), every answer
 * with `X-Cache`. Their input is validated by `analysisParams()`, mounted before admission.
 */
export function engineRoutes(deps: EngineRouteDeps): Hono {
  const app = new Hono();
  const traceOf = (c: { get(k: "trace"): RequestTrace | undefined }) =>
    c.get("trace") ?? { route: "", tried: [] };
  app.post("/analyze", async (c) => {
    const trace = traceOf(c);
    try {
      const res = await deps.analyzer.json(c.get("analysis").req, {
        signal: c.req.raw.signal,
        headers: forwardHeaders(c),
        tried: trace.tried,
        log: c.get("log"),
        noCache: noCache(c.req.header("cache-control")),
      });
      trace.cache = res.cache;
      // A Response of our own rather than c.header() × 3 + c.body(): Hono would build a
      // Headers object and merge it; this is the JSON hot path.
      const headers: Record<string, string> = {
        "Content-Type": "application/json",
        "X-Cache": res.cache,
        "X-Engine-Attempts": String(res.attempts),
      };
      if (res.spot) headers["X-Engine-Spot"] = res.spot;
      return new Response(res.text, { status: res.status, headers });
    } finally {
      deps.onFinished?.(trace);
    }
  });
  app.get("/analyze/stream", async (c) => {
    const { req, reconnect } = c.get("analysis");
    const trace = traceOf(c);
    const res = await deps.analyzer.stream(req, reconnect, {
      signal: c.req.raw.signal,
      headers: forwardHeaders(c),
      tried: trace.tried,
      log: c.get("log"),
      noCache: noCache(c.req.header("cache-control")),
    }).catch((err) => {
      deps.onFinished?.(trace);
      throw err;
    });
    trace.cache = res.cache;
    const headers: Record<string, string> = {
      ...SSE_HEADERS,
      "X-Cache": res.cache,
      "X-Engine-Attempts": String(res.attempts),
    };
    if (res.spot) headers["X-Engine-Spot"] = res.spot;
    const opened = res.live;
    if (opened) {
      trace.stream = opened.stats;
      trace.ended = opened.done;
      deps.onStreamOpen?.(opened);
      opened.done.then(() => deps.onFinished?.(trace));
    } else {
      // A hit is the whole answer in memory: the request (and its limiter slot) ends now.
      trace.ended = Promise.resolve();
      deps.onFinished?.(trace);
    }
    return new Response(res.body, { headers });
  });
  return app;
}
