import type { SseEvent } from "../../../sse/event.ts";
import { parseSse } from "../../../sse/parse.ts";
import { apiError, networkError } from "./api-error.ts";
import { reconnectDelay } from "./backoff.ts";
import type { StreamState } from "./stream-state.ts";

/** What an event stream of the console reads, and whom it tells. */
export interface SseClientOptions {
  url: string;
  onEvent: (event: SseEvent) => void;
  onState?: (state: StreamState) => void;
  /** The event that ends the stream (`done`, `failed`, `result`); default none. */
  isLast?: (event: SseEvent) => boolean;
  /** Failed tries in a row before giving up (default 20). */
  maxAttempts?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** An open event stream: `close()` ends it; `done` resolves once it has ended. */
export interface SseClient {
  close: () => void;
  done: Promise<void>;
}

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });

/**
 * Reads an event stream over fetch, reconnecting when it is lost (a network error, a 5xx, or
 * an end before its last event) with `Last-Event-ID` set to the last id received, after a
 * growing wait (or the server's `Retry-After`). A 204 ends it (the stream had finished), as
 * does a 4xx other than 429 (shown as the API's error). Every change is told to `onState`.
 */
export function openSse(opts: SseClientOptions): SseClient {
  const abort = new AbortController();
  const fetchFn = opts.fetch ?? fetch;
  const sleep = opts.sleep ?? wait;
  const tell = (s: StreamState): void => {
    if (!abort.signal.aborted) opts.onState?.(s);
  };
  let lastEventId: string | undefined;
  const run = async () => {
    let failures = 0;
    tell({ kind: "connecting" });
    while (!abort.signal.aborted) {
      const sent = lastEventId;
      const headers: Record<string, string> = { Accept: "text/event-stream" };
      if (sent !== undefined) headers["Last-Event-ID"] = sent;
      let reason = "the stream ended early";
      let retryAfterS: number | undefined;
      try {
        const res = await fetchFn(opts.url, { headers, signal: abort.signal });
        if (res.status === 204) return tell({ kind: "closed", reason: "no_content" });
        if (!res.ok || !res.body) {
          const error = await apiError(res);
          if (res.status < 500 && res.status !== 429) return tell({ kind: "failed", error });
          reason = error.message;
          retryAfterS = error.retryAfterS;
        } else {
          tell(sent === undefined ? { kind: "open" } : { kind: "open", resumedAfter: sent });
          for await (const chunk of parseSse(res.body)) {
            if (chunk.kind !== "event") continue;
            failures = 0;
            if (chunk.event.id !== undefined) lastEventId = chunk.event.id;
            opts.onEvent(chunk.event);
            if (opts.isLast?.(chunk.event)) return tell({ kind: "closed", reason: "done" });
          }
        }
      } catch (err) {
        if (abort.signal.aborted) break;
        reason = networkError(err).message;
      }
      failures += 1;
      if (failures > (opts.maxAttempts ?? 20)) {
        return tell({ kind: "failed", error: { status: 0, code: "stream_lost", message: reason } });
      }
      const delayMs = reconnectDelay(failures, retryAfterS);
      tell({ kind: "reconnecting", attempt: failures, delayMs, lastEventId, reason });
      await sleep(delayMs, abort.signal);
    }
    opts.onState?.({ kind: "closed", reason: "stopped" });
  };
  const done = run();
  return { close: () => abort.abort(), done };
}
