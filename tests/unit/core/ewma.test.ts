import assert from "node:assert/strict";
import { DEFAULT_RTT_MS, FAILURE_PENALTY_MS, PeakEwma } from "../../../src/core/ewma.ts";

const close = (a: number, b: number, msg?: string) => assert.ok(Math.abs(a - b) < 1e-6, msg);

Deno.test("peak-EWMA: peaks at once, decays with tau; cost scales with in-flight", () => {
  const e = new PeakEwma(10_000, 0);
  e.observe(100, 0);
  e.observe(500, 1);
  assert.equal(e.value, 500, "a higher sample replaces the estimate at once");
  e.observe(100, 10_001);
  close(e.value, 100 + 400 * Math.exp(-1));
  assert.equal(e.cost(10_001, 1), e.value * 2);
  const v = e.value;
  e.observe(50, 10_001);
  assert.equal(e.value, v, "a lower sample at the same instant has no weight");
});

Deno.test("peak-EWMA: an unmeasured spot costs the default latency, so in-flight weighs", () => {
  const e = new PeakEwma();
  assert.equal(e.value, DEFAULT_RTT_MS);
  assert.equal(e.cost(0, 0), DEFAULT_RTT_MS);
  assert.equal(e.cost(0, 3), 4 * DEFAULT_RTT_MS, "three in flight cost four times one");
  assert.ok(e.cost(0, 1) > e.cost(0, 0), "a burst spreads instead of piling on one spot");
});

Deno.test("peak-EWMA: the first sample sets the estimate, even below the initial value", () => {
  const e = new PeakEwma(10_000, 300);
  assert.equal(e.valueAt(1_000_000), 300, "an unmeasured estimate does not decay");
  e.observe(20, 5);
  assert.equal(e.value, 20);
  assert.equal(e.valueAt(1_000_000), 20, "an estimate below the default does not decay");
});

Deno.test("peak-EWMA: read decays towards the default, so a penalised spot is tried again", () => {
  const e = new PeakEwma(10_000, 100);
  e.observeFailure(0);
  assert.equal(e.value, FAILURE_PENALTY_MS);
  assert.equal(e.valueAt(0), FAILURE_PENALTY_MS);
  close(e.valueAt(10_000), 100 + (FAILURE_PENALTY_MS - 100) * Math.exp(-1));
  close(e.cost(20_000, 2), 3 * (100 + (FAILURE_PENALTY_MS - 100) * Math.exp(-2)));
  assert.ok(e.valueAt(70_000) < 110, "after a minute it costs about an unmeasured spot");
  assert.ok(e.valueAt(70_000) >= 100, "never less than the default");
  assert.equal(e.valueAt(-5), FAILURE_PENALTY_MS, "time before the sample does not grow it");
  assert.equal(e.value, FAILURE_PENALTY_MS, "reading does not change the estimate");
});

Deno.test("peak-EWMA: failures do not compound; reset goes back to the default", () => {
  const e = new PeakEwma();
  for (let i = 0; i < 10; i++) e.observeFailure(i);
  assert.equal(e.value, FAILURE_PENALTY_MS);
  e.reset();
  assert.equal(e.value, DEFAULT_RTT_MS);
  assert.equal(e.cost(100, 5), 6 * DEFAULT_RTT_MS, "a reset spot's in-flight still weighs");
  e.observe(30, 200);
  assert.equal(e.value, 30);
});
