import type { ApiError } from "./api-error.ts";

/** Where an event stream of the console is (shown as a notice by the page). */
export type StreamState =
  | { kind: "connecting" }
  /** Receiving; `resumedAfter` is the `Last-Event-ID` the reconnect sent, if it was one. */
  | { kind: "open"; resumedAfter?: string }
  /** Lost: the next try is in `delayMs`, asking for what follows `lastEventId`. */
  | { kind: "reconnecting"; attempt: number; delayMs: number; lastEventId?: string; reason: string }
  /** Ended for good: the last event came (`done`), the server said so (204), or closed here. */
  | { kind: "closed"; reason: "done" | "no_content" | "stopped" }
  /** Refused (a 4xx, or too many failed tries): what the server said. */
  | { kind: "failed"; error: ApiError };

/** The sentence a notice shows for a state, or undefined when there is nothing to say. */
export function describeState(s: StreamState): string | undefined {
  if (s.kind === "reconnecting") {
    const after = s.lastEventId ? `, resuming after event ${s.lastEventId}` : "";
    const secs = (s.delayMs / 1000).toFixed(0);
    return `Connection lost (${s.reason}); reconnecting in ${secs} s${after} (try ${s.attempt})`;
  }
  if (s.kind === "open" && s.resumedAfter) {
    return `Reconnected: resumed after event ${s.resumedAfter}`;
  }
  return undefined;
}
