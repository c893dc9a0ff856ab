import type { Color } from "./accuracy.ts";
import type { Judgement, Score } from "./types.ts";
import { winningChances } from "./win.ts";

// lila modules/tree/src/main/Advice.scala `CpAdvice.winningChanceJudgements`: the first
// threshold the drop reaches wins.
const CHANCE_DROPS: [number, Judgement][] = [[0.3, "blunder"], [0.2, "mistake"], [
  0.1,
  "inaccuracy",
]];

/**
 * The judgement of a move between two centipawn evaluations (White's view) (lila `CpAdvice`):
 * the mover's drop in winning chances (raw cp, not ceiled) ≥ 0.3 blunder, ≥ 0.2 mistake,
 * ≥ 0.1 inaccuracy; null when smaller or when either score is a mate.
 */
export function cpJudgement(prev: Score, next: Score, mover: Color): Judgement {
  if (!("cp" in prev) || !("cp" in next)) return null;
  const change = winningChances(next.cp) - winningChances(prev.cp);
  const drop = mover === "white" ? -change : change;
  return CHANCE_DROPS.find(([threshold]) => threshold <= drop)?.[1] ?? null;
}

// A score from the mover's point of view (lila `invertIf(info.color.black)`).
function forMover(value: number, mover: Color): number {
  return mover === "white" ? value : -value;
}

/**
 * The judgement of a move by its mate sequence (lila `MateAdvice`), scores White's view, seen
 * from the mover: MateCreated (no mate before, the mover is mated after): inaccuracy if the
 * mover's cp before was < −999, mistake if < −700, else blunder. MateLost (the mover had a mate,
 * after it none or the mover is mated): inaccuracy if the cp after is > 999, mistake if > 700,
 * else blunder (a missing cp counts 0). Otherwise null (lila never judges MateDelayed).
 */
export function mateJudgement(prev: Score, next: Score, mover: Color): Judgement {
  const prevMate = "mate" in prev ? forMover(prev.mate, mover) : null;
  const nextMate = "mate" in next ? forMover(next.mate, mover) : null;
  const prevCp = "cp" in prev ? forMover(prev.cp, mover) : 0;
  const nextCp = "cp" in next ? forMover(next.cp, mover) : 0;
  if (prevMate === null && nextMate !== null && nextMate < 0) {
    if (prevCp < -999) return "inaccuracy";
    return prevCp < -700 ? "mistake" : "blunder";
  }
  if (prevMate !== null && prevMate > 0 && (nextMate === null || nextMate < 0)) {
    if (nextCp > 999) return "inaccuracy";
    return nextCp > 700 ? "mistake" : "blunder";
  }
  return null;
}

/**
 * A move's judgement (lila Advice.scala `Advice.apply`, only when the engine preferred another
 * move: lila modules/tree/src/main/Analysis.scala `infoAdvices`, `info.hasVariation`): the
 * centipawn judgement, else the mate judgement.
 */
export function judgeMove(prev: Score, next: Score, mover: Color, bestDiffers: boolean): Judgement {
  if (!bestDiffers) return null;
  return cpJudgement(prev, next, mover) ?? mateJudgement(prev, next, mover);
}
