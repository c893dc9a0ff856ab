import { isSpotFailure, type Outcome } from "./attempt-policy.ts";
import { type HealthStatus, nextHealth } from "./health.ts";
import type { SpotRecord } from "./spot.ts";
import { markFull, placeFreed } from "./room.ts";

/** A health change, reported once so logs and metrics fire per transition. */
export interface HealthChange {
  spot: string;
  from: HealthStatus;
  to: HealthStatus;
  failures: number;
}

/**
 * Feeds one health observation (an active check, or a request outcome) into the spot's state
 * machine. A spot coming back (`down`/`degraded` → `healthy`) restarts its slow start; one back
 * from `down` also forgets its old latency estimate.
 */
export function observeHealth(
  spot: SpotRecord,
  ok: boolean,
  now: number,
  threshold: number,
): HealthChange | undefined {
  const from = spot.status;
  const step = nextHealth(from, ok ? "success" : "failure", spot.consecutiveFailures, threshold);
  spot.consecutiveFailures = step.failures;
  spot.status = step.status;
  if (ok) spot.lastHealthyAt = now;
  if (!step.changed) return undefined;
  if (step.status === "healthy" && (from === "down" || from === "degraded")) {
    spot.slowStartSince = now;
    // its latency from before it went down says nothing about it now
    if (from === "down") spot.ewma.reset();
  }
  return { spot: spot.id, from, to: step.status, failures: step.failures };
}

/**
 * Records a finished attempt on its spot: counters, latency (a failure as the penalty), and
 * health. An aborted attempt (the client left), a 4xx and a deep search past its deadline
 * count for nothing against the spot; a full spot (`busy`) is marked full for a moment. The
 * breaker permit is settled by the caller, who holds it.
 */
export function recordAttempt(
  spot: SpotRecord,
  outcome: Outcome,
  latencyMs: number,
  now: number,
  threshold: number,
): HealthChange | undefined {
  spot.inFlight = Math.max(0, spot.inFlight - 1);
  if (outcome.kind === "busy") {
    markFull(spot, outcome.retryAfterS, now);
    return undefined;
  }
  placeFreed(spot);
  if (outcome.kind === "aborted" || outcome.kind === "slow") return undefined;
  spot.counters.requests++;
  if (!isSpotFailure(outcome.kind)) {
    spot.counters.successes++;
    spot.ewma.observe(latencyMs, now);
    spot.latencies.add(latencyMs);
    return observeHealth(spot, true, now, threshold);
  }
  spot.counters.failures++;
  spot.ewma.observeFailure(now);
  return observeHealth(spot, false, now, threshold);
}
