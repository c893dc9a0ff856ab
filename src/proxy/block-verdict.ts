import { BlockType, type SseBlockScanner } from "../sse/block-scanner.ts";
import type { ResumeLedger } from "../sse/resume.ts";

/**
 * What to do with one block of a spot's stream: `none` (comments: forward, not an event),
 * `forward` (an event the client lacks), `drop` (one it already has, after a resume), `result`
 * (forward, and the search is done), `error` (the spot failed: not forwarded, resume).
 */
export type BlockVerdict = "none" | "forward" | "drop" | "result" | "error";

const decoder = new TextDecoder();

/**
 * Judges the scanner's current block against the ledger. `info` and `result` are judged from
 * numbers the scanner read; only an event of another type is decoded (never on the normal path).
 */
export function judgeBlock(s: SseBlockScanner, ledger: ResumeLedger): BlockVerdict {
  switch (s.type) {
    case BlockType.None:
      return "none";
    case BlockType.Info:
      return ledger.acceptInfo(s.depth, s.multipv) ? "forward" : "drop";
    case BlockType.Result:
      return ledger.acceptResult() ? "result" : "drop";
    case BlockType.Error:
      return "error";
    default: {
      const id = s.idStart < 0 ? undefined : decoder.decode(s.buffer.subarray(s.idStart, s.idEnd));
      return ledger.accept({ event: "other", id, data: "" }) ? "forward" : "drop";
    }
  }
}
