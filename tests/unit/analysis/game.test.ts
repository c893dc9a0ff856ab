import assert from "node:assert/strict";
import { parseGame, parseGames } from "../../../src/analysis/game.ts";
import { validateFen } from "../../../src/chess/fen.ts";
import { assertRefused } from "./refusal.ts";

const START = "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1";

Deno.test("parseGame: a PGN's mainline, its tags, castling in standard UCI", () => {
  const game = parseGame({
    pgn:
      '[Event "Casual"]\n[White "A"]\n[Result "1-0"]\n\n1. e4 e5 2. Nf3 Nc6 3. Bc4 Nf6 4. O-O 1-0',
  });
  assert.equal(game.initialFen, START);
  assert.deepEqual(game.headers, { Event: "Casual", White: "A", Result: "1-0" });
  assert.deepEqual(game.plies.map((p) => p.san), ["e4", "e5", "Nf3", "Nc6", "Bc4", "Nf6", "O-O"]);
  assert.equal(game.plies[6]!.uci, "e1g1");
  assert.equal(game.terminal, null);
  for (const p of game.plies) validateFen(p.fenAfter);
});

Deno.test("parseGame: variations, comments, NAGs and move numbers are left out", () => {
  const game = parseGame({
    pgn: "1. e4 {best by test} (1. d4 d5 (1... Nf6)) 1... e5 2. Nf3 $1 Nc6!? " +
      "(2... d6 {Philidor} 3. d4) 3. Bb5 ; a rest-of-line comment\n3... a6 *",
  });
  assert.deepEqual(game.plies.map((p) => p.san), ["e4", "e5", "Nf3", "Nc6", "Bb5", "a6"]);
  assert.deepEqual(game.headers, {});
});

Deno.test('parseGame: a [FEN] + [SetUp "1"] start with Black to move, mate at once', () => {
  const fen = "3r2k1/5ppp/8/8/8/8/5PPP/6K1 b - - 0 1";
  const game = parseGame({ pgn: `[SetUp "1"]\n[FEN "${fen}"]\n\n1... Rd1# 0-1` });
  assert.equal(game.initialFen, fen);
  assert.equal(game.plies.length, 1);
  assert.deepEqual(
    [game.plies[0]!.ply, game.plies[0]!.mover, game.plies[0]!.san, game.plies[0]!.uci],
    [1, "black", "Rd1#", "d8d1"],
  );
  assert.equal(game.plies[0]!.fenBefore, fen);
  assert.equal(game.plies[0]!.afterIsCheckmate, true);
  assert.equal(game.terminal, "checkmate");
});

Deno.test("parseGame: PGN errors name the ply and the move", () => {
  assertRefused(() => parseGame({ pgn: "1. e4 e5 2. Qxh2" }), "ply 3: illegal move Qxh2");
  assertRefused(
    () => parseGame({ pgn: "1. d4 d5 2. Nf3 Nf6 3. Nd2" }),
    "ply 5: ambiguous move Nd2",
  );
  assertRefused(
    () => parseGame({ pgn: "1. e4 -- 2. d4" }),
    "ply 2: null move -- is not a move to analyse",
  );
  // chessops reads Z0 as the null move "--"
  assertRefused(
    () => parseGame({ pgn: "1. e4 e5 2. Z0" }),
    "ply 3: null move -- is not a move to analyse",
  );
  assertRefused(() => parseGame({ pgn: '[Event "x"\n\n1. e4' }), /^line 1: bad tag section/);
  // after a checkmate no move is legal
  assertRefused(() => parseGame({ pgn: "1. f3 e5 2. g4 Qh4# 3. a3" }), "ply 5: illegal move a3");
});

Deno.test("parseGame: no game, not a PGN, two games, no moves, a bad [FEN], a variant", () => {
  assertRefused(() => parseGame({ pgn: "" }), "the PGN holds no game");
  assertRefused(() => parseGame({ pgn: "  \n\n " }), "the PGN holds no game");
  assertRefused(
    () => parseGame({ pgn: "hello world" }),
    "the text is not a PGN game: it holds no tags and no moves",
  );
  assertRefused(
    () => parseGame({ pgn: "1. e4 e5 *\n\n1. d4 d5 *" }),
    "the PGN holds 2 games: send one game, or a batch",
  );
  assertRefused(() => parseGame({ pgn: '[Event "x"]\n\n*' }), "the game has no moves");
  assertRefused(
    () => parseGame({ pgn: '[FEN "8/8/8 w - - 0 1"]\n\n1. e4' }),
    /^\[FEN\]: Invalid FEN/,
  );
  assertRefused(() => parseGame({ pgn: '[Variant "Atomic"]\n\n1. e4' }), /unsupported variant/);
});

Deno.test("parseGame: at most 600 plies", () => {
  const cycle = ["Nf3", "Nf6", "Ng1", "Ng8"];
  const sans = (n: number) => Array.from({ length: n }, (_, i) => cycle[i % 4]).join(" ");
  assert.equal(parseGame({ pgn: sans(600) }).plies.length, 600);
  assertRefused(
    () => parseGame({ pgn: sans(601) }),
    "the game has 601 plies, more than the 600 allowed",
  );
});

Deno.test("parseGame: UCI moves from the start or from initial_fen", () => {
  const game = parseGame({ moves: ["e2e4", "e7e5", "d1h5", "b8c6", "f1c4", "g8f6", "h5f7"] });
  assert.equal(game.initialFen, START);
  assert.deepEqual(game.headers, {});
  assert.equal(game.plies[6]!.san, "Qxf7#");
  assert.equal(game.terminal, "checkmate");
  const fromFen = parseGame({ moves: ["e6f7"], initial_fen: "7k/8/4Q1K1/8/8/8/8/8 w - - 0 1" });
  assert.equal(fromFen.terminal, "stalemate");
  assert.equal(fromFen.initialFen, "7k/8/4Q1K1/8/8/8/8/8 w - - 0 1");
});

Deno.test("parseGame: UCI errors name the ply; a bad initial_fen says so", () => {
  assertRefused(() => parseGame({ moves: ["e2e4", "e7e4"] }), "ply 2: illegal move e7e4");
  assertRefused(() => parseGame({ moves: ["e2e4", "Nf6"] }), /^ply 2: bad UCI move "Nf6"/);
  assertRefused(
    () => parseGame({ moves: ["e2e4", "0000"] }),
    "ply 2: null move 0000 is not a move to analyse",
  );
  assertRefused(() => parseGame({ moves: [] }), "the game has no moves");
  assertRefused(
    () =>
      parseGame({
        moves: ["e2e4"],
        initial_fen: "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq -",
      }),
    /^initial_fen: Invalid FEN: expected 6 fields/,
  );
});

Deno.test("parseGames: every game of a batch, errors naming the game", () => {
  const games = parseGames(
    '[Event "1"]\n\n1. e4 e5 *\n\n[Event "2"]\n\n1. d4 d5 2. c4 *\n\n1. f3 e5 2. g4 Qh4#',
  );
  assert.deepEqual(games.map((g) => g.plies.length), [2, 3, 4]);
  assert.deepEqual(games.map((g) => g.headers.Event ?? null), ["1", "2", null]);
  assert.equal(games[2]!.terminal, "checkmate");
  assertRefused(
    () => parseGames("1. e4 e5 *\n\n1. d4 d5 *\n\n1. d4 d5 2. Nf3 Nf6 3. Nd2 *"),
    "game 3, ply 5: ambiguous move Nd2",
  );
  assertRefused(
    () => parseGames('1. e4 *\n\n[Event "2"\n\n1. d4 *'),
    /^game 2, line 3: bad tag section/,
  );
  assertRefused(() => parseGames(""), "the PGN holds no game");
  assert.equal(parseGames("1. e4 e5").length, 1);
});
