import type { AnalysisRequest, EngineResult } from "../api/types.ts";

/** How many plies of each PV an entry keeps (entries stay small, in memory and in Redis). */
export const STORED_PV_PLIES = 16;

/** What an entry is compared by: its depth and how many lines it has. */
export type EntryRank = Pick<EngineResult, "depth" | "multipv">;

/** Whether an entry answers a request: it is at least as deep and has at least as many lines. */
export function serves(entry: EntryRank, req: Pick<AnalysisRequest, "depth" | "multipv">): boolean {
  return entry.depth >= req.depth && entry.multipv >= req.multipv;
}

/**
 * Whether `candidate` replaces `current` under the same key (depth-monotone): a deeper result
 * does, a shallower one never; at the same depth, one with more lines does.
 */
export function replaces(candidate: EntryRank, current: EntryRank | undefined): boolean {
  if (current === undefined) return true;
  if (candidate.depth !== current.depth) return candidate.depth > current.depth;
  return candidate.multipv > current.multipv;
}

/** The entry as stored: every PV cut to STORED_PV_PLIES plies; nothing else changes. */
export function forStorage(result: EngineResult): EngineResult {
  const long = result.lines.some((l) => l.pv.length > STORED_PV_PLIES);
  if (!long) return result;
  const lines = result.lines.map((l) =>
    l.pv.length > STORED_PV_PLIES ? { ...l, pv: l.pv.slice(0, STORED_PV_PLIES) } : l
  );
  return { ...result, lines };
}

/**
 * The answer an entry gives a request: the request's FEN (the entry may come from the same
 * position with other move counters), the lines cut to the request's multipv, the entry's own
 * depth (it may be deeper than asked: the client gets the better answer).
 */
export function answerFor(entry: EngineResult, req: AnalysisRequest): EngineResult {
  const lines = entry.multipv > req.multipv
    ? entry.lines.filter((l) => l.multipv <= req.multipv)
    : entry.lines;
  return { ...entry, fen: req.fen, multipv: req.multipv, lines };
}

/** Whether a parsed spot answer is a whole result that can be stored. */
export function storable(r: unknown): r is EngineResult {
  const e = r as EngineResult | null;
  return typeof e === "object" && e !== null && Number.isInteger(e.depth) &&
    Number.isInteger(e.multipv) && Array.isArray(e.lines) && typeof e.fen === "string";
}
