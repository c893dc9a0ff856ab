import type { ParsedGame, PositionEval } from "../analysis/types.ts";
import { evalKey } from "./types.ts";

/** A position of a game to evaluate: its FEN, and whether the game ended there. */
export interface PlannedPosition {
  fen: string;
  /** Checkmate, stalemate or insufficient material: evaluated without a search (null). */
  terminal: boolean;
}

/**
 * The positions `analyseGame` needs, in order: the initial one, then the one after every ply
 * (so `plies.length + 1`). Only the final position can be terminal.
 */
export function positionsOf(game: ParsedGame): PlannedPosition[] {
  const fens = [game.initialFen, ...game.plies.map((p) => p.fenAfter)];
  return fens.map((fen, i) => ({ fen, terminal: i === fens.length - 1 && game.terminal !== null }));
}

/** Positions a job evaluates over every phase (terminal ones included: they count as done). */
export function totalPositions(games: ParsedGame[], phases: number): number {
  return phases * games.reduce((n, g) => n + g.plies.length + 1, 0);
}

/**
 * Positions already done when a run starts: those stored by an earlier run (a replica that
 * died) and the terminal ones of every phase.
 */
export function donePositions(
  games: ParsedGame[],
  phases: number,
  stored: ReadonlyMap<string, PositionEval>,
): number {
  let done = 0;
  for (let phase = 1; phase <= phases; phase++) {
    games.forEach((g, gi) =>
      positionsOf(g).forEach((p, i) => {
        if (p.terminal || stored.has(evalKey(phase, gi, i))) done++;
      })
    );
  }
  return done;
}

/** Integer percent of `done` over `total` (100 for an empty job). */
export function percentOf(done: number, total: number): number {
  return total === 0 ? 100 : Math.floor((done * 100) / total);
}
