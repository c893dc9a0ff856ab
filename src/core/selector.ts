import { slowStartFactor } from "./health.ts";
import type { SpotRecord } from "./spot.ts";
import { isUsable } from "./usable.ts";

/** What a pick depends on besides the spots: spots to avoid, the time, a random source. */
export interface PickOptions {
  exclude?: ReadonlySet<string>;
  now: number;
  random: () => number;
}

function tier(spot: SpotRecord): number {
  return spot.status === "degraded" ? 1 : 0;
}

/** The load estimate the choice compares: peak-EWMA × (in-flight + 1) ÷ slow-start weight. */
export function costOf(spot: SpotRecord, now: number): number {
  return spot.ewma.cost(now, spot.inFlight) / slowStartFactor(spot.slowStartSince, now);
}

/**
 * Picks a spot (DESIGN §7): usable ones only; the healthy tier (unknown counts with it) before
 * the degraded; the highest priority; then power of two choices on cost. Undefined if none.
 */
export function pick(spots: Iterable<SpotRecord>, opts: PickOptions): SpotRecord | undefined {
  let best: SpotRecord[] = [];
  for (const s of spots) {
    if (opts.exclude?.has(s.id) || !isUsable(s, opts.now)) continue;
    const b = best[0];
    const better = !b || tier(s) < tier(b) ||
      (tier(s) === tier(b) && s.settings.priority > b.settings.priority);
    if (better) best = [s];
    else if (tier(s) === tier(b) && s.settings.priority === b.settings.priority) best.push(s);
  }
  if (best.length <= 1) return best[0];
  const i = Math.floor(opts.random() * best.length);
  let j = Math.floor(opts.random() * (best.length - 1));
  if (j >= i) j++;
  const a = best[i]!, c = best[j]!;
  return costOf(a, opts.now) <= costOf(c, opts.now) ? a : c;
}
