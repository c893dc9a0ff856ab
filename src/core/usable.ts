import type { SpotRecord } from "./spot.ts";

/**
 * The only question the selector asks (Caddy's `Available()`): enabled, still configured,
 * not down, and the circuit lets an attempt through now.
 */
export function isUsable(spot: SpotRecord, now: number): boolean {
  return spot.enabled && !spot.removed && spot.status !== "down" && spot.breaker.canAllow(now);
}
