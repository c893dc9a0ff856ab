import type { SseEvent } from "../../../sse/event.ts";
import type { Score } from "../lib/score.ts";

/** One principal variation as a spot streams it (README "The engine API"). */
export interface EngineLine {
  multipv: number;
  depth: number;
  score: Score;
  pv: string[];
  nodes?: number;
  nps?: number;
}

/** A live analysis: the deepest line per multipv index, the best move once it ended. */
export interface LiveAnalysis {
  lines: EngineLine[];
  bestmove: string | null | undefined;
  error: string | undefined;
}

/** Nothing yet. */
export const EMPTY: LiveAnalysis = { lines: [], bestmove: undefined, error: undefined };

/** The events that end an analysis stream. */
export const isAnalysisEnd = (e: SseEvent): boolean => e.event === "result" || e.event === "error";

/**
 * The analysis after one event: an `info` replaces its multipv's line (depths only grow), a
 * `result` brings the final lines and best move, an `error` its message.
 */
export function applyAnalysisEvent(a: LiveAnalysis, e: SseEvent): LiveAnalysis {
  const data = JSON.parse(e.data);
  if (e.event === "info") {
    const line = data as EngineLine;
    const others = a.lines.filter((l) => l.multipv !== line.multipv);
    return { ...a, lines: [...others, line].sort((x, y) => x.multipv - y.multipv) };
  }
  if (e.event === "result") {
    const lines = (data.lines as EngineLine[] | undefined) ?? a.lines;
    return { ...a, lines, bestmove: data.bestmove ?? null };
  }
  if (e.event === "error") {
    return { ...a, error: String(data?.error?.message ?? "the analysis failed") };
  }
  return a;
}

/** The stream URL for a FEN at a depth with `multipv` lines. */
export function analysisUrl(fen: string, depth: number, multipv: number): string {
  const q = new URLSearchParams({ fen, depth: String(depth), multipv: String(multipv) });
  return `/analyze/stream?${q}`;
}
