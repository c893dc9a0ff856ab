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

/** The outcome of a non-200 status: 5xx is the spot's fault and retried, 4xx is not. */
export function classifyStatus(status: number): Outcome {
  if (status >= 500) return { kind: "http_5xx", status };
  if (status >= 400) return { kind: "http_4xx", status };
  return { kind: "invalid" };
}
