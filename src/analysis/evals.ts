import type { Color } from "./accuracy.ts";
import type { ParsedGame, PositionEval, Score } from "./types.ts";

// Negates without producing -0 (which deepEqual tells from 0 and JSON hides).
function negate(value: number): number {
  return value === 0 ? 0 : -value;
}

/**
 * A score seen from `color` turned into White's point of view; the same flip turns a White-view
 * score into `color`'s (it is its own inverse). Mate 0 stays mate 0.
 */
export function viewedBy(score: Score, color: Color): Score {
  if (color === "white") return score;
  return "cp" in score ? { cp: negate(score.cp) } : { mate: negate(score.mate) };
}

/** Whether a score is a checkmate on the board (lila `Evaluation.isCheckmate`: mate 0). */
export function isCheckmateScore(score: Score): boolean {
  return "mate" in score && score.mate === 0;
}

// The side to move in position `index` (0: the initial position, plies.length: the final one).
function turnAt(game: ParsedGame, index: number): Color {
  const ply = game.plies[index];
  if (ply) return ply.mover;
  return game.plies[index - 1]!.mover === "white" ? "black" : "white";
}

// A terminal position is scored without a search: checkmate is mate 0, a draw 0 cp.
function terminalScore(terminal: NonNullable<ParsedGame["terminal"]>): Score {
  return terminal === "checkmate" ? { mate: 0 } : { cp: 0 };
}

/**
 * Every position's score from White's point of view: `evals[i]` is the engine's evaluation of
 * the position before ply i+1 (side to move's view), `evals[plies.length]` the final position's.
 * A terminal final position gets its terminal score whatever `evals` says; any other null, or
 * a count other than plies + 1, is the caller's bug and throws a RangeError.
 */
export function whiteScores(game: ParsedGame, evals: readonly PositionEval[]): Score[] {
  const count = game.plies.length + 1;
  if (evals.length !== count) {
    throw new RangeError(`expected ${count} evaluations (plies + 1), received ${evals.length}`);
  }
  return evals.map((evaluation, index) => {
    if (index === count - 1 && game.terminal) return terminalScore(game.terminal);
    if (!evaluation) {
      throw new RangeError(`evaluation ${index} is null but position ${index} is not terminal`);
    }
    return viewedBy(evaluation.score, turnAt(game, index));
  });
}
