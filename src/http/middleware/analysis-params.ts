import type { MiddlewareHandler } from "hono";
import { readJsonObject } from "../../api/body.ts";
import { parseAnalysisParams } from "../../api/params.ts";
import type { AnalysisRequest } from "../../api/types.ts";
import { parseLastEventId, type Reconnect } from "../../sse/last-event-id.ts";

/** A validated analysis request, and for a stream what its `Last-Event-ID` asks for. */
export interface AnalysisInput {
  req: AnalysisRequest;
  reconnect: Reconnect;
}

declare module "hono" {
  interface ContextVariableMap {
    analysis: AnalysisInput;
  }
}

/**
 * Validates `POST /analyze` bodies (`from: "body"`) and `GET /analyze/stream` queries
 * (`"query"`) before anything else runs
 * (admission included): an invalid request is a 400 that takes no limiter slot and never
 * depends on Redis. A stream reconnect whose `Last-Event-ID` is `result` already has the
 * whole answer: 204 No Content, which tells an EventSource to stop reconnecting.
 */
export function analysisParams(from: "body" | "query", maxBodyBytes?: number): MiddlewareHandler {
  const method = from === "body" ? "POST" : "GET";
  return async function analysisParamsMiddleware(c, next) {
    if (c.req.method !== method) return await next(); // another route's: 404 as usual
    if (from === "body") {
      const req = parseAnalysisParams(await readJsonObject(c, maxBodyBytes));
      c.set("analysis", { req, reconnect: { kind: "fresh" } });
      return await next();
    }
    const req = parseAnalysisParams(c.req.query());
    const reconnect = parseLastEventId(c.req.header("last-event-id"));
    if (reconnect.kind === "finished") return c.body(null, 204);
    c.set("analysis", { req, reconnect });
    await next();
  };
}
