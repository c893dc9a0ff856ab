import assert from "node:assert/strict";
import { SpotPool } from "../../../src/core/pool.ts";
import { isRetryable, isSpotFailure, RetryBudget } from "../../../src/core/attempt-policy.ts";
import { PeakEwma } from "../../../src/core/ewma.ts";
import { LatencyWindow } from "../../../src/core/latency-window.ts";

const spot = (id: string, priority = 100) => ({
  id,
  url: `http://127.0.0.1:1/${id}`,
  region: "r",
  priority,
  enabled: true,
});

Deno.test("pool.apply keeps the state of spots that stay, adds new ones, drains removed ones", () => {
  const pool = new SpotPool();
  assert.deepEqual(pool.apply([spot("a"), spot("b")], 0), { added: ["a", "b"], removed: [] });
  const a = pool.get("a")!;
  a.status = "healthy";
  a.ewma.observe(42, 1);
  const b = pool.get("b")!;
  b.inFlight = 1;
  assert.deepEqual(pool.apply([spot("a", 150), spot("c")], 2), { added: ["c"], removed: ["b"] });
  assert.equal(pool.get("a"), a, "same record");
  assert.equal(a.status, "healthy");
  assert.equal(a.settings.priority, 150);
  assert.equal(b.removed, true);
  assert.deepEqual(pool.active().map((s) => s.id), ["a", "c"]);
  assert.equal(pool.list().length, 3, "b drains while in flight");
  b.inFlight = 0;
  pool.sweep();
  assert.equal(pool.get("b"), undefined);
  pool.apply([spot("a"), spot("c")], 3);
  assert.equal(pool.list().length, 2);
});

Deno.test("attempt policy: retry on spot failures only; 4xx and aborted are final", () => {
  for (const k of ["connect_error", "timeout", "http_5xx", "invalid", "stream_cut"] as const) {
    assert.ok(isRetryable(k) && isSpotFailure(k), k);
  }
  for (const k of ["ok", "http_4xx", "aborted"] as const) assert.ok(!isRetryable(k), k);
});

Deno.test("retry budget: at least 3 retries, at most 20 % of active requests", () => {
  const budget = new RetryBudget();
  for (let i = 0; i < 3; i++) assert.ok(budget.tryRetry());
  assert.equal(budget.tryRetry(), false);
  for (let i = 0; i < 25; i++) budget.requestStarted();
  assert.ok(budget.tryRetry() && budget.tryRetry());
  assert.equal(budget.tryRetry(), false, "5 = 20 % of 25");
  assert.equal(budget.inUse, 5);
  for (let i = 0; i < 25; i++) budget.requestEnded(i < 5 ? 1 : 0);
  assert.equal(budget.inUse, 0);
});

Deno.test("peak-EWMA: peaks at once, decays with tau; cost scales with in-flight", () => {
  const e = new PeakEwma(10_000);
  assert.equal(e.cost(3), 0, "unmeasured costs 0");
  e.observe(100, 0);
  e.observe(500, 1);
  assert.equal(e.value, 500);
  e.observe(100, 10_001);
  assert.ok(Math.abs(e.value - (100 + 400 * Math.exp(-1))) < 1);
  assert.equal(e.cost(1), e.value * 2);
});

Deno.test("latency window: bounded ring with average and percentiles", () => {
  const w = new LatencyWindow(100);
  assert.deepEqual(w.summary(), { avg: null, p50: null, p95: null, p99: null });
  for (let i = 1; i <= 150; i++) w.add(i);
  const s = w.summary();
  assert.equal(s.p50, 100);
  assert.equal(s.p99, 149);
  assert.equal(s.avg, 100.5);
});
