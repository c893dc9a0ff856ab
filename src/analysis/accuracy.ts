import { harmonicMean, standardDeviation, weightedMean } from "./stats.ts";
import { INITIAL_CP, winPercentFromCp } from "./win.ts";

/** A side of the board. */
export type Color = "white" | "black";

/**
 * A move's accuracy from the mover's Win% before and after it (lila
 * modules/analyse/src/main/AccuracyPercent.scala `fromWinPercents`): 100 when Win% did not drop, else
 * 103.1668100711649 · e^(−0.04354415386753951 · drop) − 3.166924740191411 + 1 (lila's
 * "uncertainty bonus"), clamped to 0..100.
 */
export function moveAccuracy(before: number, after: number): number {
  if (after >= before) return 100;
  const drop = before - after;
  const raw = 103.1668100711649 * Math.exp(-0.04354415386753951 * drop) - 3.166924740191411;
  return Math.max(0, Math.min(100, raw + 1));
}

/** The window of a game of `moves` scored moves (lila `gameAccuracy`): clamp(⌊moves/10⌋, 2, 8). */
export function windowSize(moves: number): number {
  return Math.max(2, Math.min(8, Math.floor(moves / 10)));
}

// Scala's List.sliding: a list no longer than the window is one window (none when empty).
function sliding(values: number[], size: number): number[][] {
  if (values.length === 0) return [];
  if (values.length <= size) return [values];
  return values.slice(0, values.length - size + 1).map((_, i) => values.slice(i, i + size));
}

/**
 * The weight of each move (lila `AccuracyPercent.gameAccuracy`): (size − 2) copies of the
 * first window, then every sliding window of `size` Win%; each window's population standard
 * deviation clamped to 0.5..12.
 */
export function volatilityWeights(winPercents: number[], size: number): number[] {
  const copies = Math.max(0, Math.min(size, winPercents.length) - 2);
  const first = winPercents.slice(0, size);
  const windows = [...Array.from({ length: copies }, () => first), ...sliding(winPercents, size)];
  return windows.map((w) => Math.max(0.5, Math.min(12, standardDeviation(w) ?? 0)));
}

/** Each side's game accuracy, null for a side without a scored move. */
export interface SideAccuracies {
  white: number | null;
  black: number | null;
}

/**
 * Game accuracy per side (lila modules/analyse/src/main/AccuracyPercent.scala `gameAccuracy`):
 * the Win% of +15 cp (the initial position) then of each scored move's White-view centipawns
 * `cps`; each move's accuracy weighted by its window's volatility; per side
 * (weighted mean + harmonic mean) / 2, each side on its own (lila's `ByColor(colorAccuracy)`).
 */
export function gameAccuracy(startColor: Color, cps: number[]): SideAccuracies {
  const wins = [INITIAL_CP, ...cps].map(winPercentFromCp);
  const weights = volatilityWeights(wins, windowSize(cps.length));
  const moves = { white: [] as [number, number][], black: [] as [number, number][] };
  for (let i = 0; i + 1 < wins.length && i < weights.length; i++) {
    const color: Color = (i % 2 === 0) === (startColor === "white") ? "white" : "black";
    const [prev, next] = [wins[i]!, wins[i + 1]!];
    const accuracy = color === "white" ? moveAccuracy(prev, next) : moveAccuracy(next, prev);
    moves[color].push([accuracy, weights[i]!]);
  }
  return { white: sideAccuracy(moves.white), black: sideAccuracy(moves.black) };
}

function sideAccuracy(moves: [number, number][]): number | null {
  const weighted = weightedMean(moves);
  const harmonic = harmonicMean(moves.map(([accuracy]) => accuracy));
  return weighted === null || harmonic === null ? null : (weighted + harmonic) / 2;
}
