import assert from "node:assert/strict";
import { LatencyWindow } from "../../../src/core/latency-window.ts";

Deno.test("latency window: bounded ring with average and nearest-rank percentiles", () => {
  const w = new LatencyWindow(100);
  assert.deepEqual(w.summary(), { avg: null, p50: null, p95: null, p99: null });
  for (let i = 1; i <= 150; i++) w.add(i); // 1..50 are overwritten by 101..150
  const s = w.summary();
  assert.deepEqual(s, { avg: 100.5, p50: 100, p95: 145, p99: 149 });
});

Deno.test("latency window: one sample is every percentile; order of arrival does not matter", () => {
  const w = new LatencyWindow(4);
  w.add(7);
  assert.deepEqual(w.summary(), { avg: 7, p50: 7, p95: 7, p99: 7 });
  for (const x of [40, 10, 30]) w.add(x);
  assert.deepEqual(w.summary(), { avg: 21.75, p50: 10, p95: 40, p99: 40 });
  w.add(1); // replaces the oldest (7)
  assert.deepEqual(w.summary(), { avg: 20.25, p50: 10, p95: 40, p99: 40 });
});
