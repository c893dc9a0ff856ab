import { observeHealth } from "../core/record.ts";
import type { HealthChange } from "../core/record.ts";
import type { SpotRecord } from "../core/spot.ts";
import type { CircuitState } from "../core/breaker.ts";
import type { Logger } from "../obs/log.ts";
import type { GatewayMetrics } from "../obs/metrics.ts";
import type { RouterHooks } from "../proxy/pool-router.ts";
import type { CheckResult } from "../upstream/health-check.ts";
import { labelCache } from "../obs/label-cache.ts";

/** Logs a health transition once: `local-2 degraded → down after 3 failures`. */
export function logHealth(log: Logger, c: HealthChange, cause: string): void {
  const after = c.to === "healthy"
    ? ""
    : ` after ${c.failures} failure${c.failures === 1 ? "" : "s"}`;
  log.warn(`${c.spot} ${c.from} → ${c.to}${after}`, {
    spot: c.spot,
    from: c.from,
    to: c.to,
    cause,
  });
}

/** Router hooks that feed metrics and logs. */
export function routerHooks(metrics: GatewayMetrics, log: Logger): RouterHooks {
  const attempts = labelCache((spot, outcome) => metrics.upstreamRequests.labels(spot, outcome));
  const firstEvent = labelCache((spot) => metrics.upstreamFirstEvent.labels(spot));
  const duration = labelCache((spot) => metrics.upstreamDuration.labels(spot));
  return {
    onAttempt: (spot, outcome, latencyMs, durationMs) => {
      attempts(spot, outcome.kind).inc();
      if (outcome.kind === "ok") firstEvent(spot).observe(latencyMs / 1000);
      duration(spot).observe(durationMs / 1000);
    },
    onHealth: (change) => logHealth(log, change, "request"),
    onRetry: (reason, allowed) => {
      if (allowed) metrics.retries.inc({ reason });
      else metrics.budgetExhausted.inc();
    },
  };
}

/** Breaker transitions into metrics and logs. */
export function circuitHook(
  metrics: GatewayMetrics,
  log: Logger,
): (spot: string, from: CircuitState, to: CircuitState) => void {
  return (spot: string, from: CircuitState, to: CircuitState): void => {
    metrics.circuitTransitions.inc({ spot, to });
    log.warn(`${spot} circuit ${from} → ${to}`, { spot, from, to });
  };
}

/** An active check's result into the spot's health, metrics and logs. */
export function checkHook(
  metrics: GatewayMetrics,
  log: Logger,
  threshold: () => number,
): (spot: SpotRecord, r: CheckResult) => void {
  return (spot: SpotRecord, r: CheckResult): void => {
    metrics.healthChecks.inc({ spot: spot.id, result: r.ok ? "ok" : "fail" });
    metrics.healthCheckDuration.observe({ spot: spot.id }, r.ms / 1000);
    const change = observeHealth(spot, r.ok, Date.now(), threshold());
    if (r.ok) spot.breaker.heal();
    // What the spot says it can run at once: the selector prefers spots with an idle engine.
    if (r.ok && r.capacity !== undefined && r.capacity > 0) spot.capacity = r.capacity;
    if (change) logHealth(log, change, r.ok ? "check passed" : `check failed: ${r.detail}`);
  };
}
