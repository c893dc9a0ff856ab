import type { MiddlewareHandler } from "hono";
import { CORRELATION_HEADERS } from "../context.ts";
import type { Logger } from "../../obs/log.ts";

const VALID_ID = /^[A-Za-z0-9._-]{1,128}$/;
const TRACEPARENT = /^00-([0-9a-f]{32})-[0-9a-f]{16}-([0-9a-f]{2})$/;

// One random draw per request into a reused buffer, hex by table: this runs on every request.
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const random = new Uint8Array(24);
function hex(from: number, to: number): string {
  let out = "";
  for (let i = from; i < to; i++) out += HEX[random[i]!];
  return out;
}

/**
 * The W3C `traceparent` to send a spot: the caller's trace id (when its header is valid) with
 * a new parent span id for our hop; else a fresh trace.
 */
export function nextTraceparent(incoming: string | undefined): string {
  crypto.getRandomValues(random);
  const m = incoming ? TRACEPARENT.exec(incoming) : null;
  const trace = m && !/^0+$/.test(m[1]!) ? m[1]! : hex(0, 16);
  return `00-${trace}-${hex(16, 24)}-${m?.[2] ?? "01"}`;
}

/**
 * Hono's request-id pattern: takes `X-Correlation-ID` (or `X-Request-ID`) when it is 1–128
 * characters of `[A-Za-z0-9._-]`, else makes one; returns it; binds it to a child logger and
 * sets the traceparent forwarded to spots.
 */
export function correlationId(log: Logger): MiddlewareHandler {
  return async function correlationIdMiddleware(c, next) {
    let id: string | undefined;
    for (const h of CORRELATION_HEADERS) {
      const v = c.req.header(h);
      if (v && VALID_ID.test(v)) {
        id = v;
        break;
      }
    }
    id ??= crypto.randomUUID();
    c.set("correlationId", id);
    c.set("traceparent", nextTraceparent(c.req.header("traceparent")));
    c.set("log", log.child({ correlation_id: id }));
    await next();
    // After next(): a handler that returns its own Response (a stream) replaces c.res.
    c.res.headers.set("X-Correlation-ID", id);
  };
}
