import assert from "node:assert/strict";
import {
  harmonicMean,
  mean,
  standardDeviation,
  weightedMean,
} from "../../../src/analysis/stats.ts";
import { assertClose } from "./close.ts";

Deno.test("mean, and null for no values", () => {
  assert.equal(mean([2, 4, 9]), 5);
  assert.equal(mean([]), null);
});

Deno.test("standardDeviation is the population one", () => {
  // mean 50; squares 0 + 100 + 100 = 200; sqrt(200/3) = 8.16496580927726
  assertClose(standardDeviation([50, 60, 40]), 8.16496580927726);
  // two values: |a − b| / 2
  assert.equal(standardDeviation([40, 70]), 15);
  assert.equal(standardDeviation([]), null);
});

Deno.test("harmonicMean floors each value at 1", () => {
  // 2 / (1/50 + 1/100) = 2 / 0.03 = 66.666…
  assertClose(harmonicMean([50, 100]), 200 / 3);
  // 0 counts as 1: 2 / (1/1 + 1/100) = 2 / 1.01
  assertClose(harmonicMean([0, 100]), 2 / 1.01);
  assert.equal(harmonicMean([]), null);
});

Deno.test("weightedMean, null for no pairs or zero weight", () => {
  // (10·1 + 40·2) / 3 = 30
  assert.equal(weightedMean([[10, 1], [40, 2]]), 30);
  assert.equal(weightedMean([]), null);
  assert.equal(weightedMean([[10, 0]]), null);
});
