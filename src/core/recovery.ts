import { fullRetryAfterS, isFull } from "./room.ts";
import type { SpotRecord } from "./spot.ts";
import { isUsable } from "./usable.ts";

/** Why no candidate was found among `spots`: all full, or none usable; and for how long. */
export interface Unavailability {
  full: boolean;
  retryAfterS: number;
}

/**
 * The honest Retry-After when no spot can take a request (never a flat 1 s): if usable spots
 * exist but all said they are full, when the first frees up; otherwise when the first open
 * circuit ends its cool-down or, for spots that are down, the next active check.
 */
export function unavailability(
  spots: SpotRecord[],
  opts: { exclude: ReadonlySet<string>; now: number; checkIntervalMs: number },
): Unavailability {
  const open = spots.filter((s) => s.enabled && !s.removed && !opts.exclude.has(s.id));
  const usable = open.filter((s) => isUsable(s, opts.now));
  if (usable.length > 0 && usable.every((s) => isFull(s, opts.now))) {
    return { full: true, retryAfterS: fullRetryAfterS(usable, opts.now) };
  }
  let soonest = opts.checkIntervalMs;
  for (const s of open) {
    const cool = s.breaker.openForMs(opts.now);
    if (cool > 0) soonest = Math.min(soonest, cool);
  }
  return { full: false, retryAfterS: Math.min(60, Math.max(1, Math.ceil(soonest / 1000))) };
}
