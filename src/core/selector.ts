import { slowStartFactor } from "./health.ts";
import { hasRoom, isFull } from "./room.ts";
import type { SpotRecord } from "./spot.ts";
import { isUsable } from "./usable.ts";

/** What a pick depends on besides the spots: spots to avoid, the time, a random source. */
export interface PickOptions {
  exclude?: ReadonlySet<string>;
  now: number;
  random: () => number;
}

/** The load estimate the choice compares: peak-EWMA × (in-flight + 1) ÷ slow-start weight. */
export function costOf(spot: SpotRecord, now: number): number {
  return spot.ewma.cost(now, spot.inFlight) / slowStartFactor(spot.slowStartSince, now);
}

/**
 * How good a candidate's class is, lower first: a spot with an idle engine before one
 * without (a full on-prem tier overflows to the next priority), then healthy (unknown counts
 * with it) before degraded, then the higher priority. One number (priority is 0..200), so a
 * pick allocates nothing per candidate.
 */
function rank(spot: SpotRecord): number {
  const room = hasRoom(spot) ? 0 : 1000;
  const degraded = spot.status === "degraded" ? 500 : 0;
  return room + degraded + (200 - spot.settings.priority);
}

/** Whether the spot may be chosen now: usable, not excluded, not full by its own word. */
export function isCandidate(spot: SpotRecord, opts: PickOptions): boolean {
  return !opts.exclude?.has(spot.id) && isUsable(spot, opts.now) && !isFull(spot, opts.now);
}

/**
 * Picks a spot (docs/design.md §7): candidates only; the best class (room, health tier,
 * priority); then power of two choices on cost. Undefined if there is no candidate.
 */
export function pick(spots: Iterable<SpotRecord>, opts: PickOptions): SpotRecord | undefined {
  let best: SpotRecord[] = [];
  let bestRank = Infinity;
  for (const s of spots) {
    if (!isCandidate(s, opts)) continue;
    const r = rank(s);
    const order = r - bestRank;
    if (order < 0) {
      best = [s];
      bestRank = r;
    } else if (order === 0) best.push(s);
  }
  if (best.length <= 1) return best[0];
  const i = Math.floor(opts.random() * best.length);
  let j = Math.floor(opts.random() * (best.length - 1));
  if (j >= i) j++;
  const a = best[i]!, c = best[j]!;
  return costOf(a, opts.now) <= costOf(c, opts.now) ? a : c;
}
