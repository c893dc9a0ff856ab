import type { EngineResult } from "../api/types.ts";
import { RETRY_MS } from "../proxy/dispatch-stream.ts";
import { encodeComment, encodeEvent, encodeRetry, joinBlocks } from "../sse/format.ts";
import type { Reconnect } from "../sse/last-event-id.ts";
import { ResumeLedger } from "../sse/resume.ts";

/**
 * A cache hit as a whole event stream, in the normal shape (docs/design.md §2): the `retry:`
 * field first, one `info` event per line (`id: <depth>.<multipv>`), then the `result` event.
 * A reconnecting client (`Last-Event-ID: <depth>.<multipv>`) gets only what it lacks: the
 * ledger, seeded with what it has, drops the rest, as a resumed search would.
 */
export function hitStream(result: EngineResult, reconnect: Reconnect): Uint8Array<ArrayBuffer> {
  const ledger = new ResumeLedger();
  if (reconnect.kind === "resume") ledger.seed(reconnect.after, result.multipv);
  const parts = [encodeRetry(RETRY_MS), encodeComment("spotgate cache hit")];
  for (const line of result.lines) {
    const ev = { event: "info", id: `${line.depth}.${line.multipv}`, data: JSON.stringify(line) };
    if (ledger.accept(ev)) parts.push(encodeEvent(ev));
  }
  parts.push(encodeEvent({ event: "result", id: "result", data: JSON.stringify(result) }));
  return joinBlocks(parts);
}
