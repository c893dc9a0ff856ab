import type { Context } from "hono";

/**
 * Headers forwarded to a spot: only the correlation id and W3C trace context. Nothing else of
 * the client's request (no cookies, no auth, no hop-by-hop header) reaches a spot.
 */
export function forwardHeaders(c: Context): Record<string, string> {
  const out: Record<string, string> = {};
  const id = c.get("correlationId");
  if (id) out["X-Correlation-ID"] = id;
  const traceparent = c.get("traceparent");
  if (traceparent) out["traceparent"] = traceparent;
  return out;
}
