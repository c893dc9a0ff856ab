import type { OpenedClientStream } from "./stream-types.ts";

/** One member of a shared search: a client stream (gets every byte) or a JSON waiter. */
export interface HubMember {
  /** The shared stream's bytes, in order (absent for a JSON waiter). */
  write?(chunk: Uint8Array): void;
  /** The shared stream is over; `end.completed` says whether it reached its result. */
  end(end: HubEnd): void;
  /** Aborts when the member leaves (a client disconnecting). */
  readonly left: AbortSignal;
}

/** How a shared search ended: its stream (when one opened), and every byte it sent. */
export interface HubEnd {
  opened?: OpenedClientStream;
  completed: boolean;
  log: readonly Uint8Array[];
}
