import assert from "node:assert/strict";
import {
  gameAccuracy,
  moveAccuracy,
  volatilityWeights,
  windowSize,
} from "../../../src/analysis/accuracy.ts";
import { assertClose } from "./close.ts";

Deno.test("moveAccuracy: 100 when Win% did not drop", () => {
  assert.equal(moveAccuracy(40, 40), 100);
  assert.equal(moveAccuracy(40, 70), 100);
});

Deno.test("moveAccuracy: 103.1668100711649·e^(−0.04354415386753951·drop) − 3.166924740191411 + 1", () => {
  // drop 10: e^(−0.4354415386753951) = 0.646978937779213;
  // 103.1668100711649·0.646978937779213 = 66.746753194; − 3.166924740191411 + 1 = 64.5798284537
  assertClose(moveAccuracy(60, 50), 64.57982845372067);
  // drop 50: e^(−2.1772076933769755) = 0.1133576183566684 → 11.6947439 − 2.1669247 = 9.5278191
  assertClose(moveAccuracy(75, 25), 9.527819142930593);
  // drop 95: e^(−4.1366946) = 0.0159755697 → 1.6481545 − 2.1669247 < 0 → clamped to 0
  assert.equal(moveAccuracy(97.5, 2.5), 0);
  // a tiny drop: 103.1668100711649·e^(−0.0000435) + 1 − 3.1669247 = 100.9954 → clamped to 100
  assert.equal(moveAccuracy(50, 49.999), 100);
});

Deno.test("windowSize is clamp(⌊moves/10⌋, 2, 8)", () => {
  assert.equal(windowSize(0), 2);
  assert.equal(windowSize(29), 2);
  assert.equal(windowSize(39), 3);
  assert.equal(windowSize(80), 8);
  assert.equal(windowSize(600), 8);
});

Deno.test("volatilityWeights: size − 2 copies of the first window, then the sliding windows", () => {
  // size 3 over 4 values: 1 copy of [50,60,40] + windows [50,60,40], [60,40,50]; each has
  // std sqrt(200/3) = 8.16496580927726
  const w = volatilityWeights([50, 60, 40, 50], 3);
  assert.equal(w.length, 3);
  for (const x of w) assertClose(x, 8.16496580927726);
  // stds 0.05 → 0.5 and 50 → 12 (the clamp)
  assert.deepEqual(volatilityWeights([50, 50.1, 0, 100], 2), [0.5, 12, 12]);
  // fewer values than the window: one copy, then the whole list as the one sliding window
  const short = volatilityWeights([40, 50, 60], 4);
  assert.equal(short.length, 2);
  for (const x of short) assertClose(x, 8.16496580927726);
  assert.deepEqual(volatilityWeights([50, 70], 8), [10]);
  assert.deepEqual(volatilityWeights([], 2), []);
});

Deno.test("gameAccuracy of a 1-ply game: White's one move, Black none", () => {
  // Win% 51.380429102931544 (+15 cp) → 40.89741028083871 (−100 cp): drop 10.48301882209283;
  // e^(−0.0435441538675·10.483018822) = 0.6335133635924883 → 65.3575528593 − 2.1669247402
  // = 63.190628119099664; weighted mean and harmonic mean of one value are that value.
  const { white, black } = gameAccuracy("white", [-100]);
  assertClose(white, 63.190628119099664);
  assert.equal(black, null);
});

Deno.test("gameAccuracy of a game started by Black: the first move is Black's", () => {
  // White-view Win% 51.3804291029 (+15) → 59.1025897192 (+100): Black's drop 7.7221606162
  const { white, black } = gameAccuracy("black", [100]);
  assertClose(black, 71.5396675939928);
  assert.equal(white, null);
});

Deno.test("gameAccuracy: a side with one move of accuracy 0 gets (0 + 1)/2", () => {
  // Black's one move takes the White-view Win% from 2.4552563659 (−1000) to 97.5447436341
  // (+1000): Black's drop 95.0894872683; 103.1668100711649·e^(−4.14056) = 1.64174…, minus
  // 2.166924740191411 is below 0 → accuracy 0. The harmonic mean floors 0 at 1: 1/(1/1) = 1;
  // the weighted mean is 0; (0 + 1) / 2 = 0.5
  const { black } = gameAccuracy("white", [-1000, 1000]);
  assert.equal(black, 0.5);
});

Deno.test("gameAccuracy of four moves, each side (weighted mean + harmonic mean)/2", () => {
  // Win%: +15 51.380429102931544, −100 40.89741028083871, +300 75.11255009383484, 0 50,
  // +500 86.30716599681827. Window 2; weights |a−b|/2 clamped: 5.241509411046415, 17.1→12,
  // 12.556→12, 18.15→12.
  // White: drops 10.48301882209283 → 63.190628119099664 (w 5.2415), 25.11255009383484 →
  // 32.39810425271999 (w 12): weighted (63.1906·5.2415 + 32.3981·12)/17.2415 = 41.759193226;
  // harmonic 2/(1/63.1906 + 1/32.3981) = 42.834683687; mean 42.296938456681545.
  // Black: drops 34.21513981299613 → 21.08709201711501, 36.30716599681827 →
  // 19.062376700446702 (both w 12): weighted 20.074734359, harmonic 20.023681727 → 20.0492080427
  const { white, black } = gameAccuracy("white", [-100, 300, 0, 500]);
  assertClose(white, 42.296938456681545);
  assertClose(black, 20.049208042714323);
});

Deno.test("gameAccuracy without any scored move: null for both", () => {
  assert.deepEqual(gameAccuracy("white", []), { white: null, black: null });
});
