import { Hono } from "hono";
import { zValidator } from "@hono/zod-validator";
import { z } from "zod";
import { limitBody, readJsonObject } from "../../api/body.ts";
import { parseAnalysisParams } from "../../api/params.ts";
import { GatewayError } from "../../errors/gateway-error.ts";
import { SSE_HEADERS } from "../../sse/format.ts";
import { dispatchJson } from "../../proxy/dispatch.ts";
import { dispatchStream } from "../../proxy/dispatch-stream.ts";
import type { Router, TriedSpot } from "../../proxy/router.ts";
import type { StreamStats } from "../../proxy/stream-types.ts";
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
  /** Called when a request is over (for a stream: when its body ends), for logs and metrics. */
  onFinished?: (tried: TriedSpot[], stats?: StreamStats) => void;
}

const query = z.object({ fen: z.string().optional() }).passthrough();
const hook = (r: { success: boolean }) => {
  if (!r.success) throw new GatewayError("invalid_request", "Query must be fen, depth, multipv");
};

/** The engine API of DESIGN §2, proxied: `POST /analyze` and `GET /analyze/stream`. */
export function engineRoutes(deps: EngineRouteDeps): Hono {
  const app = new Hono();
  app.post("/analyze", limitBody(deps.maxBodyBytes), async (c) => {
    const req = parseAnalysisParams(await readJsonObject(c));
    const tried: TriedSpot[] = [];
    const signal = c.req.raw.signal;
    const t = deps.timeouts();
    try {
      const res = await dispatchJson(req, {
        router: deps.router,
        timeoutMs: t.requestMs,
        signal,
        headers: forwardHeaders(c),
        tried,
      });
      c.header("X-Engine-Spot", res.spot);
      c.header("X-Engine-Attempts", String(res.attempts));
      return c.json(res.body as object, res.status as 200);
    } finally {
      deps.onFinished?.(tried);
    }
  });
  app.get("/analyze/stream", zValidator("query", query, hook), async (c) => {
    const req = parseAnalysisParams(c.req.query());
    const tried: TriedSpot[] = [];
    const t = deps.timeouts();
    let opened;
    try {
      opened = await dispatchStream(req, {
        router: deps.router,
        timeoutMs: t.requestMs,
        idleMs: t.idleMs,
        keepAliveMs: t.keepAliveMs,
        signal: c.req.raw.signal,
        headers: forwardHeaders(c),
        tried,
      });
    } catch (err) {
      deps.onFinished?.(tried);
      throw err;
    }
    opened.done.then((stats) => deps.onFinished?.(tried, stats));
    const headers = { ...SSE_HEADERS, "X-Engine-Spot": opened.spot };
    return new Response(opened.body, {
      headers: { ...headers, "X-Engine-Attempts": String(opened.attempts.count) },
    });
  });
  return app;
}
