import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { GatewayError } from "../errors/gateway-error.ts";
import { MAX_BODY_BYTES } from "./params.ts";

/** Hono's bodyLimit, answering DESIGN §4 `payload_too_large` (default 16 KiB). */
export function limitBody(maxSize: number = MAX_BODY_BYTES): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new GatewayError("payload_too_large", `Request body is over ${maxSize} bytes`, {
        hint: "An analysis request is a few hundred bytes: send only fen, depth and multipv",
      });
    },
  });
}

/** Reads a JSON object body; anything else is `invalid_request` with what was wrong. */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new GatewayError("invalid_request", "Request body is not valid JSON", {
      hint: 'Send {"fen": "...", "depth": 15, "multipv": 3} with Content-Type: application/json',
    });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new GatewayError("invalid_request", "Request body must be a JSON object", {
      hint: 'Send {"fen": "...", "depth": 15, "multipv": 3}',
    });
  }
  return body as Record<string, unknown>;
}
