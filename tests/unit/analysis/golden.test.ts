import assert from "node:assert/strict";
import { analyseGame } from "../../../src/analysis/game-analysis.ts";
import { parseGame } from "../../../src/analysis/game.ts";
import type { PositionEval, Score } from "../../../src/analysis/types.ts";
import { validateFen } from "../../../src/chess/fen.ts";

// The Opera Game (Paris 1858, 33 plies) with every position searched once by real Stockfish
// at depth 10 (scripts/analysis-fixture.ts wrote the fixture; no engine runs here).
const fixture: { engine: string; depth: number; pgn: string; evals: PositionEval[] } = JSON.parse(
  await Deno.readTextFile(new URL("../../fixtures/analysis/opera-game.json", import.meta.url)),
);
const game = parseGame({ pgn: fixture.pgn });
const analysis = analyseGame(game, fixture.evals, { gameId: "opera", phase: 2, depth: 10 });
const { plies } = analysis;

function negated(score: Score): Score {
  return "cp" in score ? { cp: -score.cp } : { mate: -score.mate };
}

Deno.test("golden: every ply of the Opera Game, in order, from legal positions", () => {
  assert.equal(fixture.evals.length, 34);
  assert.equal(plies.length, 33);
  const sans = fixture.pgn.split("\n\n")[1]!.replace(/\d+\.|1-0/g, " ").trim().split(/\s+/);
  assert.deepEqual(plies.map((p) => p.san), sans);
  assert.deepEqual(plies.map((p) => p.ply), sans.map((_, i) => i + 1));
  for (const p of plies) validateFen(p.fen);
  assert.deepEqual([analysis.game_id, analysis.phase, analysis.depth], ["opera", 2, 10]);
});

Deno.test("golden: evaluations are White's view of the engine's side-to-move scores", () => {
  plies.forEach((p, i) => {
    const before = fixture.evals[i]!;
    const whiteMoved = i % 2 === 0;
    assert.equal(p.best, before.best);
    // before the move the mover is to move; after it the other side is
    assert.deepEqual(p.best_eval, whiteMoved ? before.score : negated(before.score));
    const after = fixture.evals[i + 1];
    if (after) assert.deepEqual(p.eval, whiteMoved ? negated(after.score) : after.score);
  });
});

Deno.test("golden: mate at the end, mates for White just before", () => {
  assert.equal(game.terminal, "checkmate");
  const last = plies.at(-1)!;
  assert.deepEqual([last.san, last.eval, last.judgement, last.accuracy], [
    "Rd8#",
    { mate: 0 },
    null,
    100,
  ]);
  for (const p of plies.slice(29, 32)) {
    assert.ok(
      "mate" in p.eval && p.eval.mate > 0,
      `ply ${p.ply}: White mates (${JSON.stringify(p.eval)})`,
    );
  }
});

Deno.test("golden: Win% and accuracy agree from move to move", () => {
  for (const [i, p] of plies.entries()) {
    assert.ok(p.accuracy >= 0 && p.accuracy <= 100);
    if (p.win_after >= p.win_before) assert.equal(p.accuracy, 100);
    // the same position seen by the two sides: the next mover's Win% before is 100 − this one's after
    const next = plies[i + 1];
    if (next) assert.ok(Math.abs(next.win_before + p.win_after - 100) < 1e-9);
    if (p.best === p.uci) assert.equal(p.judgement, null, `ply ${p.ply} was the engine's move`);
  }
});

Deno.test("golden: the sides' figures add up and tell the winner from the loser", () => {
  for (const color of ["white", "black"] as const) {
    const own = plies.filter((p) => (p.ply % 2 === 1) === (color === "white"));
    const side = analysis[color];
    assert.equal(side.inaccuracies, own.filter((p) => p.judgement === "inaccuracy").length);
    assert.equal(side.mistakes, own.filter((p) => p.judgement === "mistake").length);
    assert.equal(side.blunders, own.filter((p) => p.judgement === "blunder").length);
  }
  const { white, black } = analysis;
  assert.ok(white.accuracy! >= 75, `White's accuracy ${white.accuracy}`);
  assert.ok(white.accuracy! > black.accuracy!, `${white.accuracy} > ${black.accuracy}`);
  assert.ok(white.acpl! < black.acpl!, `ACPL ${white.acpl} < ${black.acpl}`);
  // Black's known errors (9...b5, 10...cxb5, 11...Nbd7 among them) are judged
  assert.ok(black.mistakes + black.blunders >= 3, JSON.stringify(black));
  assert.notEqual(plies[17]!.judgement, null, "9...b5");
  // depth 10 does not see the mate behind 15.Bxd7+: its eval drops and it is judged, as an
  // engine this shallow would; every other White move is at most an inaccuracy
  const whiteErrors = plies.filter((p) => p.ply % 2 === 1 && p.judgement !== null && p.ply !== 29);
  assert.ok(whiteErrors.every((p) => p.judgement === "inaccuracy"), JSON.stringify(whiteErrors));
});
