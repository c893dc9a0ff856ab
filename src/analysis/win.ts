import type { Score } from "./types.ts";

// The formulas of lila (github.com/lichess-org/lila) and its scalachess: Win% is scalachess
// core/src/main/scala/eval.scala `WinPercent` (formerly lila modules/tree/src/main/WinPercent.scala).

/** The centipawn ceiling of every Win% (scalachess `Eval.Cp.CEILING`): 1000. */
export const CP_CEILING = 1000;

/** lila's evaluation of the initial position (`WhiteScore.initial`): +15 cp, White's view. */
export const INITIAL_CP = 15;

// lila's WinPercent.winningChances multiplier (lila pull request 11148).
const MULTIPLIER = -0.00368208;

/** Clamps centipawns to ±CP_CEILING (lila `Eval.Cp.ceiled`). */
export function ceiledCp(cp: number): number {
  return Math.min(CP_CEILING, Math.max(-CP_CEILING, cp));
}

/**
 * Winning chances in [-1, +1] of raw centipawns, NOT ceiled (scalachess eval.scala
 * `WinPercent.winningChances`): 2 / (1 + e^(−0.00368208·cp)) − 1; Advice uses raw centipawns.
 */
export function winningChances(cp: number): number {
  const chances = 2 / (1 + Math.exp(MULTIPLIER * cp)) - 1;
  return Math.min(1, Math.max(-1, chances));
}

/**
 * Win% in [0, 100] of centipawns from one side's point of view (scalachess eval.scala
 * `WinPercent.fromCentiPawns`): 50 + 50 · winningChances(cp ceiled to ±1000).
 */
export function winPercentFromCp(cp: number): number {
  return 50 + 50 * winningChances(ceiledCp(cp));
}

/**
 * Win% of a score (scalachess eval.scala `WinPercent.fromScore`): centipawns as
 * `winPercentFromCp`; a mate as +1000 cp when positive, else −1000 (`fromMate`: mate 0 means
 * the side to move is mated).
 */
export function winPercentFromScore(score: Score): number {
  if ("cp" in score) return winPercentFromCp(score.cp);
  return winPercentFromCp(score.mate > 0 ? CP_CEILING : -CP_CEILING);
}

const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

/**
 * A score as centipawns (lila modules/tree/src/main/eval.scala `Eval.forceAsCp`): a mate becomes Int.MinValue − m when m < 0,
 * else Int.MaxValue − m; every user of it ceils it to ±1000 afterwards.
 */
export function forceAsCp(score: Score): number {
  if ("cp" in score) return score.cp;
  return score.mate < 0 ? INT_MIN - score.mate : INT_MAX - score.mate;
}
