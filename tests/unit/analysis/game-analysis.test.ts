import assert from "node:assert/strict";
import { analyseGame } from "../../../src/analysis/game-analysis.ts";
import { parseGame } from "../../../src/analysis/game.ts";
import type { PositionEval } from "../../../src/analysis/types.ts";
import { assertClose } from "./close.ts";

const OPTS = { gameId: "g1", phase: 1, depth: 8 };

// Win% of White-view cp (50 + 50·(2/(1+e^(−0.00368208·cp)) − 1), cp ceiled ±1000):
// 15 → 51.380429102931544, 30 → 52.75875538925041, −30 → 47.24124461074959,
// 40 → 53.675438329054, 100 → 59.10258971916128, −100 → 40.89741028083871,
// 200 → 67.6211637485054, −200 → 32.378836251494604, −50 → 45.4103562397001,
// ±1000 → 97.54474363414323 / 2.4552563658567763, −15 → 48.619570897068456.

Deno.test("analyseGame of a 1-ply game: the +15 cp start, White's one move, Black none", () => {
  const game = parseGame({ moves: ["e2e4"] });
  const evals: PositionEval[] = [
    { score: { cp: 30 }, best: "e2e4" },
    { score: { cp: -40 }, best: "e7e5" }, // Black to move: White +40
  ];
  const a = analyseGame(game, evals, OPTS);
  assert.deepEqual([a.game_id, a.phase, a.depth], ["g1", 1, 8]);
  const [p] = a.plies;
  assert.deepEqual(
    [p!.ply, p!.san, p!.uci, p!.fen, p!.eval, p!.best, p!.best_eval, p!.judgement],
    [1, "e4", "e2e4", game.initialFen, { cp: 40 }, "e2e4", { cp: 30 }, null],
  );
  assertClose(p!.win_before, 51.380429102931544); // the +15 cp start, not the engine's +30
  assertClose(p!.win_after, 53.675438329054);
  assert.equal(p!.accuracy, 100); // Win% rose
  // ACPL (15, 40): −(40 − 15) < 0 → 0; accuracy of one move of 100 → 100
  assert.deepEqual(a.white, { acpl: 0, accuracy: 100, inaccuracies: 0, mistakes: 0, blunders: 0 });
  assert.deepEqual(a.black, {
    acpl: null,
    accuracy: null,
    inaccuracies: 0,
    mistakes: 0,
    blunders: 0,
  });
});

Deno.test("analyseGame of four plies: judgements, ACPL and accuracy by hand", () => {
  const game = parseGame({ moves: ["e2e4", "e7e5", "g1f3", "b8c6"] });
  const evals: PositionEval[] = [
    { score: { cp: 20 }, best: "e2e4" },
    { score: { cp: -30 }, best: "c7c5" }, // White +30
    { score: { cp: 100 }, best: "d2d4" }, // White +100
    { score: { cp: 200 }, best: "b8c6" }, // Black +200: White −200
    { score: { cp: 50 }, best: "f1b5" }, // White +50
  ];
  const a = analyseGame(game, evals, OPTS);
  assert.deepEqual(a.plies.map((p) => p.eval), [{ cp: 30 }, { cp: 100 }, { cp: -200 }, { cp: 50 }]);
  assert.deepEqual(a.plies.map((p) => p.best_eval), [
    { cp: 20 },
    { cp: 30 },
    { cp: 100 },
    { cp: -200 },
  ]);
  // ply 2 (Black, c7c5 preferred): winning chances 0.1820517944 (100) − 0.0551751078 (30) =
  // 0.1268766866 → inaccuracy; Win% (Black's view) 47.2412446107 → 40.8974102808, drop
  // 6.3438343299 → 76.0988415539066
  assert.equal(a.plies[1]!.judgement, "inaccuracy");
  assertClose(a.plies[1]!.win_before, 47.24124461074959);
  assertClose(a.plies[1]!.accuracy, 76.0988415539066);
  // ply 3 (White, d2d4 preferred): 0.1820517944 + 0.3524232750 (−200) = 0.5344750694 → blunder;
  // Win% 59.1025897192 → 32.3788362515, drop 26.7237534677 → 30.056187308549312
  assert.equal(a.plies[2]!.judgement, "blunder");
  assertClose(a.plies[2]!.accuracy, 30.056187308549312);
  // ply 4 (Black) lets −200 go to +50, but it was the engine's own choice: no judgement;
  // Win% (Black) 67.6211637485 → 45.4103562397, drop 22.2108075088 → 37.05344993139958
  assert.equal(a.plies[3]!.judgement, null);
  assertClose(a.plies[3]!.accuracy, 37.05344993139958);
  // ACPL: White (15,30) → 0, (100,−200) → 300: 150. Black (30,100) → 70, (−200,50) → 250: 160.
  assert.equal(a.white.acpl, 150);
  assert.equal(a.black.acpl, 160);
  // Game accuracy: weights |a−b|/2 clamped: 0.6891631432, 3.1719171650, 12 (13.36), 11.1054037544.
  // White 100 (w 0.689) and 30.0561873085 (w 12): weighted 33.8549167642, harmonic
  // 2/(1/100 + 1/30.0562) = 46.2203112832 → 40.0376140237. Black 76.0988415539 (w 3.172) and
  // 37.0534499314 (w 11.105): weighted 45.7279588676, harmonic 49.8394611075 → 47.7837099876.
  assertClose(a.white.accuracy, 40.0376140236908);
  assertClose(a.black.accuracy, 47.78370998756272);
  assert.deepEqual([a.white.inaccuracies, a.white.mistakes, a.white.blunders], [0, 0, 1]);
  assert.deepEqual([a.black.inaccuracies, a.black.mistakes, a.black.blunders], [1, 0, 0]);
});

Deno.test("analyseGame: a checkmating last move is shown but not scored, as in lila", () => {
  const game = parseGame({ moves: ["e2e4", "e7e5", "d1h5", "b8c6", "f1c4", "g8f6", "h5f7"] });
  const played = game.plies.map((p) => p.uci);
  const evals: PositionEval[] = [
    ...played.slice(0, 5).map((best, i) => ({ score: { cp: i % 2 ? -30 : 30 }, best })),
    { score: { cp: -30 }, best: "d8e7" }, // before ply 6, Black to move: White +30
    { score: { mate: 1 }, best: "h5f7" }, // before ply 7, White mates in 1
    null, // checkmate
  ];
  const a = analyseGame(game, evals, OPTS);
  const [six, seven] = [a.plies[5]!, a.plies[6]!];
  // ply 6: MateCreated for Black from −30 cp (≥ −700) → blunder; Win% 47.2412446107 →
  // 2.4552563659 (mated), drop 44.7859882449 → e^(−1.950181) = 0.1422501768 → 12.508572230104747
  assert.equal(six.judgement, "blunder");
  assert.deepEqual(six.eval, { mate: 1 });
  assertClose(six.accuracy, 12.508572230104747);
  // ply 7: eval mate 0, Win% 97.5447436341 → 97.5447436341 (+1000 cp), accuracy 100, no judgement
  assert.deepEqual([seven.san, seven.eval, seven.best, seven.judgement], [
    "Qxf7#",
    { mate: 0 },
    "h5f7",
    null,
  ]);
  assertClose(seven.win_before, 97.54474363414323);
  assertClose(seven.win_after, 97.54474363414323);
  assert.equal(seven.accuracy, 100);
  // Scored: the 6 plies before the mate. White (15,30), (30,30), (30,30) → ACPL 0, accuracy 100.
  // Black (30,30), (30,30), (30, mate → 1000): 970/3 = 323.33 → 323.
  assert.deepEqual(a.white, { acpl: 0, accuracy: 100, inaccuracies: 0, mistakes: 0, blunders: 0 });
  assert.equal(a.black.acpl, 323);
  assert.equal(a.black.blunders, 1);
  // Black's game accuracy: 100 (w 0.5), 100 (w 0.5), 12.5085722301 (w std 22.39 → 12):
  // weighted (50 + 50 + 150.1028667613)/13 = 19.2386820586; harmonic 3/(0.01 + 0.01 +
  // 1/12.5085722301) = 30.0164564247; (19.2386820586 + 30.0164564247)/2 = 24.6275692416
  assertClose(a.black.accuracy, 24.627569241633598);
});

Deno.test("analyseGame: a stalemate at the end is 0 cp; a game from a FEN with Black first", () => {
  const game = parseGame({
    moves: ["g8h8", "e6f7"],
    initial_fen: "6k1/8/4Q1K1/8/8/8/8/8 b - - 0 1",
  });
  assert.equal(game.terminal, "stalemate");
  const evals: PositionEval[] = [
    { score: { mate: -1 }, best: "g8h8" }, // Black to move is mated in 1: White mate 1
    { score: { mate: 1 }, best: "e6e8" },
    null,
  ];
  const a = analyseGame(game, evals, OPTS);
  // ply 1 (Black, forced): +15 cp start is Black −15: 48.6195708971 → 2.4552563659, drop
  // 46.1643145312 → 11.653688328702078; the engine's move, so no judgement
  assertClose(a.plies[0]!.win_before, 48.619570897068456);
  assertClose(a.plies[0]!.accuracy, 11.653688328702078);
  assert.equal(a.plies[0]!.judgement, null);
  // ply 2 (White) stalemates from a mate in 1: MateLost with 0 cp after → blunder;
  // Win% 97.5447436341 → 50, drop 47.5447436341 → 10.84741180636119
  assert.deepEqual(a.plies[1]!.eval, { cp: 0 });
  assert.equal(a.plies[1]!.judgement, "blunder");
  assertClose(a.plies[1]!.accuracy, 10.84741180636119);
  // ACPL: Black starts: (15, mate → 1000): 985. White: (1000, 0): 1000.
  assert.equal(a.black.acpl, 985);
  assert.equal(a.white.acpl, 1000);
  assertClose(a.black.accuracy, 11.653688328702078);
  assertClose(a.white.accuracy, 10.84741180636119);
  assert.equal(a.white.blunders, 1);
});

Deno.test("analyseGame: no judgement when the engine gave no best move", () => {
  const game = parseGame({ moves: ["e2e4"] });
  const a = analyseGame(game, [{ score: { cp: 300 }, best: null }, {
    score: { cp: 300 },
    best: null,
  }], OPTS);
  // +15 → −300 would be a blunder, but without a best move lila has no variation to judge
  assert.deepEqual([a.plies[0]!.eval, a.plies[0]!.best, a.plies[0]!.judgement], [
    { cp: -300 },
    null,
    null,
  ]);
});
