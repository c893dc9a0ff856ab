import type { Score } from "../api/types.ts";

export type { Score };

/** The most plies one game may have (DESIGN §10). */
export const MAX_PLIES = 600;

/** A game to analyse: a PGN (one game), or UCI moves from an optional FEN (default: the start). */
export type GameInput = { pgn: string } | { moves: string[]; initial_fen?: string };

/** One ply of a replayed game: the move in SAN and UCI, and the positions around it. */
export interface PlyPosition {
  /** The ply number, counting from 1. */
  ply: number;
  san: string;
  uci: string;
  /** The position before the move (where the mover chose). */
  fenBefore: string;
  /** The position after the move. */
  fenAfter: string;
  mover: "white" | "black";
  afterIsCheckmate: boolean;
  afterIsStalemate: boolean;
}

/** A game replayed with chessops: its start, its plies, its PGN headers and how it ended. */
export interface ParsedGame {
  initialFen: string;
  plies: PlyPosition[];
  /** The PGN tag pairs (empty for a game given as UCI moves). */
  headers: Record<string, string>;
  /** How the final position ends the game, null when it does not. */
  terminal: "checkmate" | "stalemate" | "insufficient" | null;
}

/**
 * The engine's evaluation of one position: its score from the side to move's point of view
 * (as the spot returns it) and its best move in UCI; null for a terminal position evaluated
 * without a search (checkmate: mate 0 for the side to move; stalemate, insufficient: cp 0).
 */
export type PositionEval = { score: Score; best: string | null } | null;

/** A move's judgement, as Lichess's `Advice` (null: no mistake, or the engine's best move). */
export type Judgement = null | "inaccuracy" | "mistake" | "blunder";

/** One analysed ply of a `GameAnalysis` (DESIGN §10). */
export interface PlyAnalysis {
  ply: number;
  san: string;
  uci: string;
  /** The position before the move. */
  fen: string;
  /** The evaluation after the move, White's point of view; `{mate: 0}` after a mating move. */
  eval: Score;
  /** The engine's best move in the position before the move (UCI), null if it gave none. */
  best: string | null;
  /** The evaluation of the position before the move (the best move's), White's point of view. */
  best_eval: Score | null;
  /** The mover's Win% before the move (0..100). */
  win_before: number;
  /** The mover's Win% after the move (0..100). */
  win_after: number;
  /** The move's accuracy (0..100), Lichess's formula. */
  accuracy: number;
  judgement: Judgement;
}

/** One side's summary of a `GameAnalysis` (DESIGN §10). */
export interface SideSummary {
  /** Average centipawn loss (lila `AccuracyCP`), rounded; null if the side has no scored move. */
  acpl: number | null;
  /** Game accuracy (lila `AccuracyPercent.gameAccuracy`), 0..100; null if it has no scored move. */
  accuracy: number | null;
  inaccuracies: number;
  mistakes: number;
  blunders: number;
}

/** A whole game's analysis at one phase (DESIGN §10). */
export interface GameAnalysis {
  game_id: string;
  phase: number;
  depth: number;
  plies: PlyAnalysis[];
  white: SideSummary;
  black: SideSummary;
}

/** The options of `analyseGame`: the game's id, the phase (from 1) and its search depth. */
export interface AnalyseOptions {
  gameId: string;
  phase: number;
  depth: number;
}
