import type { SpotPool } from "../core/pool.ts";
import { isUsable } from "../core/usable.ts";

/**
 * The fleet's engines: the `capacity` each usable spot reported in its last `/health` (1 for
 * a spot not yet checked), summed. Job positions are searched at most this many at once.
 */
export function fleetCapacity(pool: SpotPool, now: number = Date.now()): number {
  return pool.active().filter((s) => isUsable(s, now)).reduce((n, s) => n + (s.capacity ?? 1), 0);
}
