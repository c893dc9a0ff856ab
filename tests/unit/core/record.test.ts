import { DEFAULT_RTT_MS } from "../../../src/core/ewma.ts";
import assert from "node:assert/strict";
import { observeHealth, recordAttempt } from "../../../src/core/record.ts";
import { FAILURE_PENALTY_MS } from "../../../src/core/ewma.ts";
import { testSpot } from "./fixtures.ts";

Deno.test("observeHealth reports each transition once and restarts slow start after down", () => {
  const spot = testSpot("a");
  spot.status = "unknown";
  assert.deepEqual(observeHealth(spot, false, 1, 3), {
    spot: "a",
    from: "unknown",
    to: "degraded",
    failures: 1,
  });
  assert.equal(observeHealth(spot, false, 2, 3), undefined, "no change, no report");
  assert.equal(observeHealth(spot, false, 3, 3)?.to, "down");
  assert.equal(observeHealth(spot, false, 3, 3), undefined);
  assert.equal(spot.consecutiveFailures, 4);
  spot.ewma.observeFailure(3);
  const back = observeHealth(spot, true, 4, 3);
  assert.deepEqual(back, { spot: "a", from: "down", to: "healthy", failures: 0 });
  assert.equal(spot.slowStartSince, 4);
  assert.equal(spot.ewma.value, DEFAULT_RTT_MS, "a spot back from down is measured afresh");
  assert.equal(spot.lastHealthyAt, 4);
  assert.equal(observeHealth(spot, true, 5, 3), undefined);
  assert.equal(spot.lastHealthyAt, 5);
  assert.equal(spot.slowStartSince, 4, "a healthy spot staying healthy keeps its ramp");
});

Deno.test("observeHealth: degraded → healthy restarts slow start but keeps the estimate", () => {
  const spot = testSpot("a");
  const before = spot.slowStartSince;
  spot.ewma.observe(40, 0);
  assert.equal(observeHealth(spot, false, 1, 3)?.to, "degraded");
  assert.equal(spot.slowStartSince, before);
  assert.equal(spot.lastHealthyAt, undefined, "a failure is not a healthy sighting");
  assert.equal(observeHealth(spot, true, 2, 3)?.to, "healthy");
  assert.equal(spot.slowStartSince, 2);
  assert.equal(spot.ewma.value, 40);
});

Deno.test("recordAttempt counts outcomes; aborted and 4xx never count against the spot", () => {
  const spot = testSpot("a");
  spot.inFlight = 4;
  assert.equal(recordAttempt(spot, { kind: "ok" }, 12, 1, 3), undefined);
  assert.equal(recordAttempt(spot, { kind: "aborted" }, 1, 2, 3), undefined);
  recordAttempt(spot, { kind: "http_4xx", status: 400 }, 3, 3, 3);
  assert.equal(spot.status, "healthy");
  const change = recordAttempt(spot, { kind: "timeout" }, 30_000, 4, 3);
  assert.equal(change?.to, "degraded");
  assert.deepEqual(spot.counters, { requests: 3, successes: 2, failures: 1 });
  assert.equal(spot.inFlight, 0);
  assert.equal(spot.ewma.value, FAILURE_PENALTY_MS, "a failure is charged the penalty latency");
  assert.equal(spot.latencies.summary().p50, 3, "only successes enter the latency window");
  assert.equal(spot.latencies.summary().avg, 7.5);
  recordAttempt(spot, { kind: "ok" }, 5, 5, 3);
  assert.equal(spot.inFlight, 0, "in-flight never goes negative");
});

Deno.test("recordAttempt: every spot-failure kind strikes; threshold strikes mark it down", () => {
  const spot = testSpot("a");
  const failures = [
    { kind: "connect_error" },
    { kind: "http_5xx", status: 502 },
    { kind: "invalid" },
  ] as const;
  const changes = failures.map((o, i) => recordAttempt(spot, o, 1, i, 3)?.to);
  assert.deepEqual(changes, ["degraded", undefined, "down"]);
  assert.equal(recordAttempt(spot, { kind: "stream_cut" }, 1, 9, 3), undefined);
  assert.equal(spot.counters.failures, 4);
  assert.equal(recordAttempt(spot, { kind: "ok" }, 8, 10, 3)?.to, "healthy");
  assert.equal(spot.slowStartSince, 10);
});
