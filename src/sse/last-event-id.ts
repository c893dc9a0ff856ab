/** Where in a stream an `info` event stands: its depth and multipv index. */
export interface EventPosition {
  depth: number;
  multipv: number;
}

/** What a reconnecting client's `Last-Event-ID` asks for. */
export type Reconnect =
  | { kind: "fresh" }
  | { kind: "finished" }
  | { kind: "resume"; after: EventPosition };

const INFO_ID = /^(\d{1,3})\.(\d{1,2})$/;

/**
 * Reads `Last-Event-ID` (WHATWG EventSource sends the last id it saw on every reconnect):
 * `result` means the stream already ended (answer 204, which tells an EventSource to stop);
 * `<depth>.<multipv>` resumes the same search after that event; anything else, or none,
 * starts afresh.
 */
export function parseLastEventId(value: string | null | undefined): Reconnect {
  const v = value?.trim() ?? "";
  if (v === "result") return { kind: "finished" };
  const m = INFO_ID.exec(v);
  if (!m) return { kind: "fresh" };
  const after = { depth: Number(m[1]), multipv: Number(m[2]) };
  if (after.depth < 1 || after.multipv < 1) return { kind: "fresh" };
  return { kind: "resume", after };
}
