import type { Color } from "./accuracy.ts";
import { mean } from "./stats.ts";
import type { Score } from "./types.ts";
import { ceiledCp, forceAsCp, INITIAL_CP } from "./win.ts";

/**
 * One side's centipawn losses (lila modules/analyse/src/main/AccuracyCP.scala `diffsList`): `infos` are the White-view
 * evaluations after each scored ply (null: no evaluation); the side that starts gets the
 * +15 cp initial evaluation in front; then pairs (before, after) of its moves, each score
 * forced to centipawns and ceiled to ±1000, the loss (after − before, negated for White)
 * floored at 0. A pair with a missing evaluation is skipped.
 */
export function centipawnLosses(
  color: Color,
  startColor: Color,
  infos: (Score | null)[],
): number[] {
  const list = color === startColor ? [{ cp: INITIAL_CP }, ...infos] : infos;
  const losses: number[] = [];
  for (let i = 0; i + 1 < list.length; i += 2) {
    const [before, after] = [list[i], list[i + 1]];
    if (!before || !after) continue;
    const diff = ceiledCp(forceAsCp(after)) - ceiledCp(forceAsCp(before));
    losses.push(Math.max(0, color === "white" ? -diff : diff));
  }
  return losses;
}

/** A side's average centipawn loss, rounded half up (lila `AccuracyCP.mean`); null without moves. */
export function acpl(color: Color, startColor: Color, infos: (Score | null)[]): number | null {
  const average = mean(centipawnLosses(color, startColor, infos));
  return average === null ? null : Math.round(average);
}
