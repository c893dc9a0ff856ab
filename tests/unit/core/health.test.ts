import assert from "node:assert/strict";
import { nextHealth, slowStartFactor } from "../../../src/core/health.ts";
import { observeHealth, recordAttempt } from "../../../src/core/record.ts";
import { testSpot } from "./fixtures.ts";

Deno.test("health: a failure degrades, 3 in a row mark down, one success recovers", () => {
  let s = nextHealth("unknown", false, 0);
  assert.deepEqual(s, { status: "degraded", failures: 1, changed: true });
  s = nextHealth(s.status, false, s.failures);
  assert.deepEqual(s, { status: "degraded", failures: 2, changed: false });
  s = nextHealth(s.status, false, s.failures);
  assert.deepEqual(s, { status: "down", failures: 3, changed: true });
  assert.deepEqual(nextHealth("down", true, 3), { status: "healthy", failures: 0, changed: true });
  assert.equal(nextHealth("degraded", false, 4, 5).status, "down");
});

Deno.test("health: slow start ramps 0.1 → 1 over 30 s", () => {
  assert.equal(slowStartFactor(undefined, 5), 1);
  assert.equal(slowStartFactor(0, 0), 0.1);
  assert.equal(slowStartFactor(0, 15_000), 0.5);
  assert.equal(slowStartFactor(0, 40_000), 1);
});

Deno.test("observeHealth reports transitions once and restarts slow start after down", () => {
  const spot = testSpot("a");
  spot.status = "unknown";
  assert.deepEqual(observeHealth(spot, false, 1, 3), {
    spot: "a",
    from: "unknown",
    to: "degraded",
    failures: 1,
  });
  assert.equal(observeHealth(spot, false, 2, 3), undefined);
  assert.equal(observeHealth(spot, false, 3, 3)?.to, "down");
  spot.ewma.observeFailure(3);
  const back = observeHealth(spot, true, 4, 3);
  assert.equal(back?.to, "healthy");
  assert.equal(spot.slowStartSince, 4);
  assert.equal(spot.ewma.value, 0, "a spot back from down is measured afresh");
  assert.equal(spot.lastHealthyAt, 4);
});

Deno.test("recordAttempt counts outcomes; aborted and 4xx never count against the spot", () => {
  const spot = testSpot("a");
  spot.inFlight = 4;
  recordAttempt(spot, { kind: "ok" }, 12, 1, 3);
  recordAttempt(spot, { kind: "aborted" }, 1, 2, 3);
  recordAttempt(spot, { kind: "http_4xx", status: 400 }, 3, 3, 3);
  assert.equal(spot.status, "healthy");
  const change = recordAttempt(spot, { kind: "timeout" }, 30_000, 4, 3);
  assert.equal(change?.to, "degraded");
  assert.deepEqual(spot.counters, { requests: 3, successes: 2, failures: 1 });
  assert.equal(spot.inFlight, 0);
  assert.ok(spot.ewma.value >= 5_000, "a failure is charged the penalty latency");
  assert.equal(spot.latencies.summary().p50, 3);
});
