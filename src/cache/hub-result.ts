import type { EngineResult } from "../api/types.ts";
import { ERROR_STATUS, type ErrorCode, GatewayError } from "../errors/gateway-error.ts";
import type { SseEvent } from "../sse/event.ts";
import { SseParser } from "../sse/parser.ts";
import { storable } from "./entry.ts";

const decoder = new TextDecoder();

/**
 * The last `result` or `error` event of a stream's bytes. Only the tail is parsed: the log is
 * scanned from its end for the chunk where that event starts (the dispatcher writes an event
 * as one chunk; if one were split, the scan goes on back to the start).
 */
export function lastOutcomeEvent(log: readonly Uint8Array[]): SseEvent | undefined {
  let tail = "";
  for (let i = log.length - 1; i >= 0; i--) {
    tail = decoder.decode(log[i]) + tail;
    if (!/event: (result|error)\n/.test(tail) && i > 0) continue;
    const chunks = new SseParser().push(tail + "\n\n");
    const events = chunks.flatMap((c) => (c.kind === "event" ? [c.event] : []));
    const last = events.findLast((e) => e.event === "result" || e.event === "error");
    if (last || i === 0) return last;
  }
  return undefined;
}

/** The EngineResult a completed stream ended with, or undefined when it has none. */
export function resultOf(log: readonly Uint8Array[]): EngineResult | undefined {
  const ev = lastOutcomeEvent(log);
  if (ev?.event !== "result") return undefined;
  try {
    const r = JSON.parse(ev.data);
    return storable(r) ? r : undefined;
  } catch {
    return undefined;
  }
}

/** The error a failed stream ended with, as a GatewayError (a JSON joiner's answer). */
export function errorOf(log: readonly Uint8Array[]): GatewayError {
  const ev = lastOutcomeEvent(log);
  let body: { code?: string; message?: string; hint?: string } = {};
  try {
    body = ev?.event === "error" ? JSON.parse(ev.data).error ?? {} : {};
  } catch { /* unreadable: the generic error below */ }
  const code = (body.code ?? "") in ERROR_STATUS ? body.code as ErrorCode : "no_spot_available";
  return new GatewayError(code, body.message ?? "The shared search ended without a result", {
    hint: body.hint ?? "Retry the request",
    retryAfter: code === "no_spot_available" ? 1 : undefined,
  });
}
