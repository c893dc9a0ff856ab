import { fenAfter } from "./positions.ts";
import type { AnalysedPly } from "./types.ts";

/** What the board shows for a selected ply (0: the start of the game). */
export interface BoardSelection {
  fen: string;
  lastMove: string | null;
  /** The engine's best move in the shown position (the next ply's `best`), if known. */
  best: string | null;
}

/**
 * The board for ply `selected`: the position after it, its move highlighted, and the arrow
 * of the engine's best move from there, which is the next ply's `best` (the position before
 * that ply); none after the last ply.
 */
export function boardFor(plies: AnalysedPly[], selected: number): BoardSelection {
  const next = plies[selected];
  const current = plies[selected - 1];
  const fen = next?.fen ?? (current ? fenAfter(current.fen, current.uci) : "");
  return { fen, lastMove: current?.uci ?? null, best: next?.best ?? null };
}

/**
 * The ply selected after a key: ArrowLeft/ArrowRight step one ply, Home/End jump to the
 * start and to the last ply; undefined for any other key.
 */
export function stepFor(key: string, selected: number, count: number): number | undefined {
  const steps: Record<string, number> = {
    ArrowLeft: selected - 1,
    ArrowRight: selected + 1,
    Home: 0,
    End: count,
  };
  const to = steps[key];
  return to === undefined ? undefined : Math.max(0, Math.min(count, to));
}
