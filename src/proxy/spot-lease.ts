import { isSpotFailure, type Outcome } from "../core/attempt-policy.ts";
import type { Permit } from "../core/breaker.ts";
import type { SpotRecord } from "../core/spot.ts";
import type { SpotLease } from "./router.ts";

/** Records a settled attempt on the spot (health, latency, counters, hooks). */
export type AttemptRecorder = (
  spot: SpotRecord,
  outcome: Outcome,
  latencyMs: number,
  durationMs: number,
) => void;

/**
 * A lease on `spot` for one attempt, holding its breaker permit: `finish` settles both once
 * (a departed client or a full spot gives the permit back without a verdict); disposing an
 * unfinished lease settles it as aborted.
 */
export function spotLease(spot: SpotRecord, permit: Permit, record: AttemptRecorder): SpotLease {
  const started = performance.now();
  let finished = false;
  const finish = (outcome: Outcome, latencyMs: number) => {
    if (finished) return;
    finished = true;
    if (outcome.kind === "aborted" || outcome.kind === "busy") permit.cancel();
    else permit.done(!isSpotFailure(outcome.kind), Date.now());
    record(spot, outcome, latencyMs, performance.now() - started);
  };
  return {
    id: spot.id,
    url: spot.settings.url.replace(/\/+$/, ""),
    finish,
    get finished() {
      return finished;
    },
    [Symbol.dispose]: () => finish({ kind: "aborted" }, performance.now() - started),
  };
}
