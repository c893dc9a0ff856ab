import assert from "node:assert/strict";
import { GatewayError } from "../../../src/errors/gateway-error.ts";
import { gameAnalysis } from "../../../src/jobs/analyser.ts";
import { batchGames, singleGame } from "../../../src/jobs/games-input.ts";
import { resolvePhases } from "../../../src/jobs/phases.ts";
import { batchRequest, gameRequest, issuePath, parseBody } from "../../../src/jobs/request.ts";

const refused = (fn: () => unknown, re: RegExp) =>
  assert.throws(fn, (e: GatewayError) => e.code === "invalid_request" && re.test(e.message));

Deno.test("phases: default [8, 14]; depth alone is the final depth; phases as given", () => {
  assert.deepEqual(resolvePhases(undefined, undefined), [8, 14]);
  assert.deepEqual(resolvePhases(18, undefined), [8, 18]);
  assert.deepEqual(resolvePhases(6, undefined), [6]);
  assert.deepEqual(resolvePhases(undefined, [4, 8, 12]), [4, 8, 12]);
  assert.deepEqual(resolvePhases(12, [6, 12]), [6, 12]);
});

Deno.test("phases: refused when not ascending, too many, out of range, or disagreeing with depth", () => {
  refused(() => resolvePhases(undefined, [8, 8]), /ascend/);
  refused(() => resolvePhases(undefined, [4, 6, 8, 10]), /1 to 3/);
  refused(() => resolvePhases(undefined, []), /1 to 3/);
  refused(() => resolvePhases(undefined, [0]), /phases\[0\]/);
  refused(() => resolvePhases(undefined, [8, 31]), /phases\[1\].*1\.\.30/);
  refused(() => resolvePhases(40, undefined), /depth/);
  refused(() => resolvePhases(1.5, undefined), /depth/);
  refused(() => resolvePhases(14, [8, 12]), /disagrees/);
});

Deno.test("request bodies: zod refusals name the field", () => {
  refused(() => parseBody(gameRequest, { pgn: 5 }, "h"), /^Cannot analyse: pgn: pgn must be/);
  refused(() => parseBody(gameRequest, { moves: "e2e4" }, "h"), /moves/);
  refused(() => parseBody(gameRequest, { moves: [], priority: "urgent" }, "h"), /priority/);
  refused(() => parseBody(gameRequest, { game_id: "a\nb", moves: [] }, "h"), /control/);
  refused(() => parseBody(batchRequest, { games: [{ game_id: "x" }] }, "h"), /games\[0\]/);
  assert.equal(parseBody(gameRequest, { moves: ["e2e4"] }, "h").priority, "normal");
  assert.equal(issuePath(["games", 2, "pgn"]), "games[2].pgn");
  assert.equal(issuePath([]), "");
});

Deno.test("a single game: PGN or UCI moves, replayed; one of the two, never both or none", () => {
  const pgn = singleGame(gameAnalysis, parseBody(gameRequest, { pgn: "1. e4 e5 2. Nf3" }, ""));
  assert.deepEqual([pgn.game_id, pgn.plies], ["game-1", 3]);
  const uci = singleGame(gameAnalysis, { moves: ["e2e4"], game_id: "g", priority: "normal" });
  assert.deepEqual([uci.game_id, uci.plies], ["g", 1]);
  refused(() => singleGame(gameAnalysis, { priority: "normal" }), /no game/);
  refused(
    () => singleGame(gameAnalysis, { pgn: "1. e4", moves: [], priority: "normal" }),
    /not both/,
  );
  refused(() => singleGame(gameAnalysis, { pgn: "1. e4 e5 2. Ke3", priority: "normal" }), /ply 3/);
  const long = Array.from({ length: 301 }, () => ["g1f3", "g8f6", "f3g1", "f6g8"]).flat();
  refused(() => singleGame(gameAnalysis, { moves: long, priority: "normal" }), /600/);
});

Deno.test("a batch: games or a multi-game PGN, at most JOB_MAX_GAMES, a bad one named", () => {
  const two = batchGames(gameAnalysis, {
    games: [{ moves: ["e2e4"] }, { game_id: "b", pgn: "1. d4" }],
  }, 5);
  assert.deepEqual(two.map((g) => g.game_id), ["game-1", "b"]);
  const pgn = batchGames(gameAnalysis, { pgn: "1. e4 e5 *\n\n1. d4 d5 2. c4 *" }, 5);
  assert.deepEqual(pgn.map((g) => [g.game_id, g.plies]), [["game-1", 2], ["game-2", 3]]);
  assert.deepEqual(pgn[1]!.input, {
    moves: ["d2d4", "d7d5", "c2c4"],
    initial_fen: "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1",
  });
  refused(() => batchGames(gameAnalysis, { games: [] }, 5), /empty/);
  refused(() => batchGames(gameAnalysis, {}, 5), /no games/);
  refused(() => batchGames(gameAnalysis, { games: [], pgn: "1. e4" }, 5), /not both/);
  const many = Array.from({ length: 6 }, () => ({ moves: ["e2e4"] }));
  refused(() => batchGames(gameAnalysis, { games: many }, 5), /at most 5 games, received 6/);
  refused(() => batchGames(gameAnalysis, { pgn: "1. e4 *\n\n1. d4 *" }, 1), /at most 1/);
  refused(
    () =>
      batchGames(
        gameAnalysis,
        { games: [{ moves: ["e2e4"] }, { game_id: "x", moves: ["e7e5"] }] },
        5,
      ),
    /^games\[1\] \(x\): /,
  );
});
