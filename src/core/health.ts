/** A spot's health as checks and requests see it (docs/design.md §7). */
export type HealthStatus = "unknown" | "healthy" | "degraded" | "down";

/** One health observation: an active check's or a request's verdict on the spot. */
export type HealthOutcome = "success" | "failure";

/** The health state after one more observation, and whether it changed. */
export interface HealthStep {
  status: HealthStatus;
  failures: number;
  changed: boolean;
}

/**
 * The health state machine: one success makes a spot `healthy`; a failure makes it
 * `degraded`; `threshold` failures in a row (default 3) make it `down`. Active checks and
 * passive request outcomes feed the same machine.
 */
export function nextHealth(
  status: HealthStatus,
  outcome: HealthOutcome,
  failures: number,
  threshold = 3,
): HealthStep {
  const ok = outcome === "success";
  const nextFailures = ok ? 0 : failures + 1;
  const next: HealthStatus = ok ? "healthy" : nextFailures >= threshold ? "down" : "degraded";
  return { status: next, failures: nextFailures, changed: next !== status };
}

/** How long a spot that came back takes to reach its full share of traffic. */
export const SLOW_START_MS = 30_000;

/**
 * The slow-start weight of a spot that became healthy at `since`: 0.1 at once, rising linearly
 * to 1 over SLOW_START_MS, so a recovered spot is not flooded.
 */
export function slowStartFactor(since: number | undefined, now: number): number {
  if (since === undefined) return 1;
  const f = (now - since) / SLOW_START_MS;
  return f >= 1 ? 1 : Math.max(0.1, f);
}
