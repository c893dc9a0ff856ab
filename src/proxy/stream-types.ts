import type { DispatchOptions } from "./dispatch.ts";
import type { Attempts } from "./attempts.ts";
import type { EventPosition } from "../sse/last-event-id.ts";

/** Stream settings: idle timeout between upstream bytes, and the client keep-alive period. */
export interface StreamOptions extends DispatchOptions {
  idleMs: number;
  keepAliveMs: number;
  /** A reconnecting client's `Last-Event-ID`: the search resumes after that event. */
  resumeAfter?: EventPosition;
  /** The reconnection delay sent to the client (`retry:`), ms. */
  retryMs?: number;
}

/** What the log line and metrics want to know about a stream once it is over. */
export interface StreamStats {
  events: number;
  resumes: number;
  firstEventMs?: number;
  completed: boolean;
  lastSpot: string;
}

/** An opened client stream: the first spot, and the body that keeps going across spots. */
export interface OpenedClientStream {
  spot: string;
  attempts: Attempts;
  body: ReadableStream<Uint8Array>;
  /** Live figures, final once `done` resolves. */
  stats: StreamStats;
  done: Promise<StreamStats>;
  /** Ends the stream now with an `error` event carrying `error` (used by the shutdown drain). */
  terminate: (error: object) => void;
}
