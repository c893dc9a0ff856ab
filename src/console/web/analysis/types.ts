import type { Score } from "../lib/score.ts";

/** A move's judgement (Lichess's `Advice`), null when there is nothing to say. */
export type Judgement = null | "inaccuracy" | "mistake" | "blunder";

/** One analysed ply of a GameAnalysis (docs/design.md §10), as the console reads it. */
export interface AnalysedPly {
  ply: number;
  san: string;
  uci: string;
  /** The position before the move. */
  fen: string;
  /** White's point of view, after the move. */
  eval: Score;
  best: string | null;
  best_eval: Score | null;
  accuracy: number;
  judgement: Judgement;
}

/** One side's summary (docs/design.md §10). */
export interface SideSummary {
  acpl: number | null;
  accuracy: number | null;
  inaccuracies: number;
  mistakes: number;
  blunders: number;
}

/** A whole game's analysis at one phase (docs/design.md §10). */
export interface GameAnalysis {
  game_id: string;
  phase: number;
  depth: number;
  plies: AnalysedPly[];
  white: SideSummary;
  black: SideSummary;
}

/** A job's progress event (`progress`): positions done over every phase. */
export interface JobProgress {
  phase: number;
  done: number;
  total: number;
  percent: number;
}
