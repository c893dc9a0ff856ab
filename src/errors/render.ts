import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { GatewayError } from "./gateway-error.ts";
import "../http/context.ts";

/** Turns anything thrown into a GatewayError; unknown errors become a bare internal_error. */
export function toGatewayError(err: unknown): GatewayError {
  if (err instanceof GatewayError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) {
      return new GatewayError("payload_too_large", "Request body is over the size limit", {
        hint: "Send a smaller body: an analysis request is a few hundred bytes",
      });
    }
    if (err.status === 404) return new GatewayError("not_found", err.message || "Not found");
    return new GatewayError("invalid_request", err.message || "Bad request");
  }
  // Never leak a stack trace or an upstream address: the message is generic on purpose.
  return new GatewayError("internal_error", "Internal error", {
    hint: "Retry; if it persists, report the correlation id",
  });
}

/** Renders the docs/design.md §4 envelope: `{error:{code,message,hint},correlation_id}`. */
export function renderError(err: unknown, c: Context): Response {
  const e = toGatewayError(err);
  // A bug, not a refusal: logged once, with the stack, where the correlation id finds it.
  if (e.code === "internal_error" && !(err instanceof GatewayError)) {
    c.get("log")?.error("unexpected error", {
      error: String(err),
      stack: err instanceof Error ? err.stack : undefined,
    });
  }
  const correlationId = c.get("correlationId") ?? null;
  const headers: Record<string, string> = { ...e.headers };
  if (e.retryAfter !== undefined) headers["Retry-After"] = String(Math.ceil(e.retryAfter));
  return c.json(
    { error: e.toBody(), correlation_id: correlationId },
    e.status as 400,
    headers,
  );
}
