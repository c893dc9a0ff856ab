import assert from "node:assert/strict";
import { isCheckmateScore, viewedBy, whiteScores } from "../../../src/analysis/evals.ts";
import { parseGame } from "../../../src/analysis/game.ts";

Deno.test("viewedBy flips Black's scores, keeps White's, never makes -0", () => {
  assert.deepEqual(viewedBy({ cp: 35 }, "white"), { cp: 35 });
  assert.deepEqual(viewedBy({ cp: 35 }, "black"), { cp: -35 });
  assert.deepEqual(viewedBy({ mate: -2 }, "black"), { mate: 2 });
  assert.ok(Object.is((viewedBy({ cp: 0 }, "black") as { cp: number }).cp, 0));
  assert.deepEqual(viewedBy({ mate: 0 }, "black"), { mate: 0 });
});

Deno.test("isCheckmateScore is mate 0", () => {
  assert.equal(isCheckmateScore({ mate: 0 }), true);
  assert.equal(isCheckmateScore({ mate: 1 }), false);
  assert.equal(isCheckmateScore({ cp: 0 }), false);
});

Deno.test("whiteScores turns each side to move's score into White's view", () => {
  const game = parseGame({ moves: ["e2e4", "e7e5"] });
  const scores = whiteScores(game, [
    { score: { cp: 20 }, best: "e2e4" },
    { score: { cp: -30 }, best: "c7c5" },
    { score: { mate: 4 }, best: "g1f3" },
  ]);
  assert.deepEqual(scores, [{ cp: 20 }, { cp: 30 }, { mate: 4 }]);
});

Deno.test("whiteScores: a terminal final position is scored without a search", () => {
  const mate = parseGame({ moves: ["f2f3", "e7e5", "g2g4", "d8h4"] });
  const before = [20, -30, 40, -50].map((cp) => ({ score: { cp }, best: null }));
  assert.deepEqual(whiteScores(mate, [...before, null]).at(-1), { mate: 0 });
  // whatever an engine said about it
  assert.deepEqual(whiteScores(mate, [...before, { score: { cp: 5 }, best: null }]).at(-1), {
    mate: 0,
  });
  const stale = parseGame({ moves: ["e6f7"], initial_fen: "7k/8/4Q1K1/8/8/8/8/8 w - - 0 1" });
  assert.deepEqual(whiteScores(stale, [{ score: { mate: 2 }, best: "e6e7" }, null]).at(-1), {
    cp: 0,
  });
});

Deno.test("whiteScores refuses a wrong count and a null for a position that is not terminal", () => {
  const game = parseGame({ moves: ["e2e4"] });
  assert.throws(
    () => whiteScores(game, [{ score: { cp: 1 }, best: null }]),
    new RangeError("expected 2 evaluations (plies + 1), received 1"),
  );
  assert.throws(
    () => whiteScores(game, [{ score: { cp: 1 }, best: null }, null]),
    new RangeError("evaluation 1 is null but position 1 is not terminal"),
  );
});
