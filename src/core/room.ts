import type { SpotRecord } from "./spot.ts";

/** Longest a spot's own `Retry-After` keeps it out of the choice: a finish frees it earlier. */
export const MAX_FULL_MS = 5_000;

/**
 * Back-pressure (Caddy's `max_requests` in `Available()`): a spot that answered 503
 * `engine_busy` is full until its Retry-After (at most MAX_FULL_MS), or until one of its
 * requests finishes and frees a place, whichever comes first. Not a health verdict.
 */
export function markFull(spot: SpotRecord, retryAfterS: number, now: number): void {
  const ms = Math.min(MAX_FULL_MS, Math.max(200, retryAfterS * 1000));
  spot.fullUntil = Math.max(spot.fullUntil, now + ms);
}

/** A request on the spot finished: a place is free again. */
export function placeFreed(spot: SpotRecord): void {
  spot.fullUntil = 0;
}

/** Whether the spot said it is full and no place has been freed since. */
export function isFull(spot: SpotRecord, now: number): boolean {
  return spot.fullUntil > now;
}

/**
 * Whether the spot has an idle engine for one more request, as far as this replica knows:
 * in-flight below the capacity its `/health` reported (unknown capacity: assumed to have).
 */
export function hasRoom(spot: SpotRecord): boolean {
  return spot.capacity === undefined || spot.inFlight < spot.capacity;
}

/** Seconds until the first of `spots` stops counting as full (at least 1), for Retry-After. */
export function fullRetryAfterS(spots: Iterable<SpotRecord>, now: number): number {
  let soonest = Infinity;
  for (const s of spots) if (isFull(s, now)) soonest = Math.min(soonest, s.fullUntil - now);
  return soonest === Infinity ? 1 : Math.max(1, Math.ceil(soonest / 1000));
}
