import assert from "node:assert/strict";
import { areaPath, graphPoints, linePath } from "../../../src/console/web/analysis/graph.ts";
import { formatScore, toWhitePov, whiteWinPercent } from "../../../src/console/web/lib/score.ts";
import type { AnalysedPly } from "../../../src/console/web/analysis/types.ts";
import type { Score } from "../../../src/console/web/lib/score.ts";
import { SAMPLE_PLIES } from "./fixtures.ts";

const W = "8/8/8/8/8/8/8/K6k w - - 0 1";
const B = "8/8/8/8/8/8/8/K6k b - - 0 1";
const ply = (n: number, score: Score, fen = n % 2 ? W : B): AnalysedPly => ({
  ply: n,
  san: "x",
  uci: "a1a2",
  fen,
  win_before: 50,
  win_after: 50,
  eval: score,
  best: null,
  best_eval: null,
  accuracy: 0,
  judgement: null,
});

Deno.test("Win%: Lichess's curve, even at 0, symmetric, centipawns clamped at ±1000", () => {
  assert.equal(whiteWinPercent({ cp: 0 }, true), 50);
  const up = whiteWinPercent({ cp: 300 }, true);
  assert.ok(Math.abs(up + whiteWinPercent({ cp: -300 }, true) - 100) < 1e-9);
  assert.ok(Math.abs(up - 75.11) < 0.01, String(up)); // lila: 50 + 50 * (2 / (1 + e^(-0.00368208·300)) − 1)
  assert.equal(whiteWinPercent({ cp: 1000 }, true), whiteWinPercent({ cp: 5000 }, true));
  assert.ok(whiteWinPercent({ cp: 5000 }, true) < 100, "a big score is not a mate");
});

Deno.test("Win%: mates sit on the edges; mate 0 at the edge of the side that mated", () => {
  assert.equal(whiteWinPercent({ mate: 3 }, false), 100);
  assert.equal(whiteWinPercent({ mate: -1 }, true), 0);
  assert.equal(whiteWinPercent({ mate: 0 }, true), 100, "White just mated");
  assert.equal(whiteWinPercent({ mate: 0 }, false), 0, "Black just mated");
});

Deno.test("graph scaling: plies spread over the width, Win% over the height, mates clamped to the box", () => {
  const plies = [
    ply(1, { cp: 0 }),
    ply(2, { mate: 2 }),
    ply(3, { cp: -20000 }),
    ply(4, { mate: 0 }),
    ply(5, { mate: 0 }),
  ];
  const pts = graphPoints(plies, { width: 400, height: 100 });
  assert.deepEqual(pts.map((p) => p.x), [0, 100, 200, 300, 400]);
  assert.equal(pts[0]!.y, 50);
  assert.equal(pts[1]!.y, 0, "White mates: the top edge");
  assert.ok(pts[2]!.y > 95 && pts[2]!.y < 100, "−200 pawns is clamped like −10, inside the box");
  assert.equal(pts[3]!.y, 100, "Black (to move before ply 4) mated: the bottom edge");
  assert.equal(pts[4]!.y, 0, "White mates on ply 5: the top edge");
  for (const p of pts) assert.ok(p.y >= 0 && p.y <= 100);
  assert.deepEqual(
    graphPoints([ply(1, { cp: 0 })], { width: 400, height: 100 })[0]!.x,
    0,
    "one ply: at 0",
  );
});

Deno.test("graph paths: the line through every point, White's area closed on the bottom edge", () => {
  const pts = graphPoints(SAMPLE_PLIES, { width: 200, height: 100 });
  assert.equal(linePath(pts).split(/[ML]/).filter((s) => s.trim()).length, 3);
  assert.match(linePath(pts), /^M0 /);
  assert.match(areaPath(pts, { width: 200, height: 100 }), /^M0 100 L0 .* L200 100 Z$/);
  assert.equal(areaPath([], { width: 1, height: 1 }), "");
  assert.equal(pts[2]!.judgement, "blunder");
});

Deno.test("scores for people, and turned to White's point of view", () => {
  assert.equal(formatScore({ cp: 125 }), "+1.25");
  assert.equal(formatScore({ cp: -40 }), "-0.40");
  assert.equal(formatScore({ cp: 0 }), "0.00");
  assert.equal(formatScore({ mate: 3 }), "#3");
  assert.equal(formatScore({ mate: -2 }), "#-2");
  assert.equal(formatScore({ mate: 0 }), "#");
  assert.deepEqual(toWhitePov({ cp: 50 }, true), { cp: 50 });
  assert.deepEqual(toWhitePov({ cp: 50 }, false), { cp: -50 });
  assert.deepEqual(toWhitePov({ mate: 2 }, false), { mate: -2 });
});
