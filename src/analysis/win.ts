import type { Score } from "./types.ts";

/** The centipawn ceiling of every Win% (lila `Eval.Cp.CEILING`): 1000. */
export const CP_CEILING = 1000;

/** The evaluation lila gives the initial position (lila `Eval.Cp.initial`): +15 cp, White's view. */
export const INITIAL_CP = 15;

// lila's WinPercent.winningChances multiplier (lila pull request 11148).
const MULTIPLIER = -0.00368208;

/** Clamps centipawns to ±CP_CEILING (lila `Eval.Cp.ceiled`). */
export function ceiledCp(cp: number): number {
  return Math.min(CP_CEILING, Math.max(-CP_CEILING, cp));
}

/**
 * Winning chances in [-1, +1] of raw centipawns, NOT ceiled (lila `lila.tree.WinPercent`
 * `winningChances`): 2 / (1 + e^(−0.00368208·cp)) − 1. Advice uses it on raw centipawns.
 */
export function winningChances(cp: number): number {
  const chances = 2 / (1 + Math.exp(MULTIPLIER * cp)) - 1;
  return Math.min(1, Math.max(-1, chances));
}

/**
 * Win% in [0, 100] of centipawns from one side's point of view (lila `WinPercent`
 * `fromCentiPawns`): 50 + 50 · winningChances(cp ceiled to ±1000).
 */
export function winPercentFromCp(cp: number): number {
  return 50 + 50 * winningChances(ceiledCp(cp));
}

/**
 * Win% of a score (lila `WinPercent.fromEval`): centipawns as `winPercentFromCp`, a mate as
 * ±1000 cp by its sign (`fromMate`: `Cp.ceilingWithSignum`; mate 0 has sign 0, so 50).
 */
export function winPercentFromScore(score: Score): number {
  if ("cp" in score) return winPercentFromCp(score.cp);
  return winPercentFromCp(CP_CEILING * Math.sign(score.mate));
}

const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

/**
 * A score as centipawns (lila `Eval.forceAsCp`): a mate becomes Int.MinValue − m when m < 0,
 * else Int.MaxValue − m; every user of it ceils it to ±1000 afterwards.
 */
export function forceAsCp(score: Score): number {
  if ("cp" in score) return score.cp;
  return score.mate < 0 ? INT_MIN - score.mate : INT_MAX - score.mate;
}
