import type { Outcome } from "../core/attempt-policy.ts";
import { PostError } from "./http-post.ts";

/**
 * Why an attempt threw (fetch for streams, `post` for JSON): the client went away, our
 * deadline passed, or the network.
 */
export function classifyFetchError(err: unknown, client: AbortSignal): Outcome {
  if (client.aborted) return { kind: "aborted" };
  if (err instanceof DOMException && (err.name === "TimeoutError" || err.name === "AbortError")) {
    return { kind: "timeout" };
  }
  if (err instanceof PostError && err.kind === "timeout") return { kind: "timeout" };
  return { kind: "connect_error" };
}

/** Seconds of a `Retry-After` value (delta-seconds or an HTTP date); undefined if unusable. */
export function retryAfterSeconds(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * The outcome of a non-200 status: a 503 that says `engine_busy` or carries `Retry-After` is
 * a full spot (back-pressure, retried elsewhere, not a failure); other 5xx are the spot's
 * fault and retried; a 4xx is the request's and is not.
 */
export function classifyStatus(
  status: number,
  retryAfter?: string | null,
  body?: string,
): Outcome {
  const wait = retryAfterSeconds(retryAfter);
  if (status === 503 && (wait !== undefined || body?.includes('"engine_busy"'))) {
    return { kind: "busy", retryAfterS: wait ?? 1 };
  }
  if (status >= 500) return { kind: "http_5xx", status };
  if (status >= 400) return { kind: "http_4xx", status };
  return { kind: "invalid" };
}
