import type { Context } from "hono";
import { GatewayError } from "../errors/gateway-error.ts";
import { MAX_BODY_BYTES } from "./params.ts";

function tooLarge(maxSize: number): GatewayError {
  return new GatewayError("payload_too_large", `Request body is over ${maxSize} bytes`, {
    hint: "An analysis request is a few hundred bytes: send only fen, depth and multipv",
  });
}

/**
 * Reads the body as text, refusing more than `maxSize` bytes (413 `payload_too_large`): by the
 * Content-Length header when there is one, else by counting while reading, so an endless body
 * is cut off instead of buffered.
 */
export async function readLimited(c: Context, maxSize: number = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(c.req.header("content-length") ?? NaN);
  if (declared > maxSize) throw tooLarge(maxSize);
  // A declared length within the limit is enforced by the HTTP layer: read it in one go.
  if (declared >= 0) return await c.req.raw.text();
  const body = c.req.raw.body;
  if (!body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > maxSize) throw tooLarge(maxSize);
    chunks.push(chunk);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) (all.set(chunk, at), at += chunk.byteLength);
  return new TextDecoder().decode(all);
}

/** Reads a JSON object body within `maxSize`; anything else is `invalid_request`. */
export async function readJsonObject(
  c: Context,
  maxSize: number = MAX_BODY_BYTES,
): Promise<Record<string, unknown>> {
  const text = await readLimited(c, maxSize);
  let body: unknown;
  try {
    body = JSON.parse(text);
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
