import assert from "node:assert/strict";
import { nextHealth, SLOW_START_MS, slowStartFactor } from "../../../src/core/health.ts";

Deno.test("health: a failure degrades, 3 in a row mark down, one success recovers", () => {
  let s = nextHealth("unknown", "failure", 0);
  assert.deepEqual(s, { status: "degraded", failures: 1, changed: true });
  s = nextHealth(s.status, "failure", s.failures);
  assert.deepEqual(s, { status: "degraded", failures: 2, changed: false });
  s = nextHealth(s.status, "failure", s.failures);
  assert.deepEqual(s, { status: "down", failures: 3, changed: true });
  s = nextHealth(s.status, "failure", s.failures);
  assert.deepEqual(s, { status: "down", failures: 4, changed: false }, "down stays down");
  assert.deepEqual(nextHealth("down", "success", 4), {
    status: "healthy",
    failures: 0,
    changed: true,
  });
});

Deno.test("health: success resets the strike count; the threshold is configurable", () => {
  assert.deepEqual(nextHealth("unknown", "success", 0), {
    status: "healthy",
    failures: 0,
    changed: true,
  });
  assert.deepEqual(nextHealth("healthy", "success", 0).changed, false);
  assert.deepEqual(nextHealth("degraded", "success", 2), {
    status: "healthy",
    failures: 0,
    changed: true,
  });
  // 2 strikes, a success, 2 strikes again: never 3 in a row, so never down.
  let s = nextHealth("healthy", "failure", 0);
  s = nextHealth(s.status, "failure", s.failures);
  s = nextHealth(s.status, "success", s.failures);
  s = nextHealth(s.status, "failure", s.failures);
  s = nextHealth(s.status, "failure", s.failures);
  assert.equal(s.status, "degraded");
  assert.equal(nextHealth("degraded", "failure", 3, 5).status, "degraded");
  assert.equal(nextHealth("degraded", "failure", 4, 5).status, "down");
  assert.equal(nextHealth("healthy", "failure", 0, 1).status, "down", "threshold 1");
});

Deno.test("health: slow start ramps 0.1 → 1 over 30 s", () => {
  assert.equal(SLOW_START_MS, 30_000);
  assert.equal(slowStartFactor(undefined, 5), 1, "no slow start: full share");
  assert.equal(slowStartFactor(0, 0), 0.1);
  assert.equal(slowStartFactor(0, 1_000), 0.1, "floor 0.1 at the start");
  assert.equal(slowStartFactor(0, 15_000), 0.5);
  assert.equal(slowStartFactor(0, 27_000), 0.9);
  assert.equal(slowStartFactor(0, 30_000), 1);
  assert.equal(slowStartFactor(0, 40_000), 1);
  assert.equal(slowStartFactor(10_000, 5_000), 0.1, "a clock step backwards stays at the floor");
});
