import assert from "node:assert/strict";
import { Chess } from "chessops/chess";
import { parseFen } from "chessops/fen";
import { replay, terminalOf } from "../../../src/analysis/replay.ts";
import { MAX_PLIES } from "../../../src/analysis/types.ts";
import { uciMove } from "../../../src/analysis/uci-move.ts";
import { assertRefused } from "./refusal.ts";

function position(fen: string): Chess {
  return Chess.fromSetup(parseFen(fen).unwrap()).unwrap();
}

Deno.test("replay: one PlyPosition per ply, each FEN after the one before", () => {
  const { plies, terminal } = replay(Chess.default(), ["e2e4", "e7e5", "g1f3"], uciMove);
  assert.deepEqual(plies.map((p) => [p.ply, p.san, p.uci, p.mover]), [
    [1, "e4", "e2e4", "white"],
    [2, "e5", "e7e5", "black"],
    [3, "Nf3", "g1f3", "white"],
  ]);
  assert.equal(plies[0]!.fenBefore, "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1");
  assert.equal(plies[1]!.fenBefore, plies[0]!.fenAfter);
  assert.equal(
    plies[2]!.fenAfter,
    "rnbqkbnr/pppp1ppp/8/4p3/4P3/5N2/PPPP1PPP/RNBQKB1R b KQkq - 1 2",
  );
  assert.equal(terminal, null);
  assert.ok(plies.every((p) => !p.afterIsCheckmate && !p.afterIsStalemate));
});

Deno.test("replay: a checkmate, a stalemate and insufficient material end the game", () => {
  const mate = replay(Chess.default(), ["f2f3", "e7e5", "g2g4", "d8h4"], uciMove);
  assert.equal(mate.terminal, "checkmate");
  assert.equal(mate.plies[3]!.san, "Qh4#");
  assert.equal(mate.plies[3]!.afterIsCheckmate, true);
  const stale = replay(position("7k/8/4Q1K1/8/8/8/8/8 w - - 0 1"), ["e6f7"], uciMove);
  assert.equal(stale.terminal, "stalemate");
  assert.equal(stale.plies[0]!.afterIsStalemate, true);
  const bare = replay(position("4k3/8/8/8/8/8/3p4/4K3 w - - 0 1"), ["e1d2"], uciMove);
  assert.equal(bare.terminal, "insufficient");
});

Deno.test("replay refuses a game without moves and one over MAX_PLIES", () => {
  assertRefused(() => replay(Chess.default(), [], uciMove), "the game has no moves");
  const shuffle = ["g1f3", "g8f6", "f3g1", "f6g8"];
  const moves = Array.from({ length: MAX_PLIES + 1 }, (_, i) => shuffle[i % 4]!);
  assert.equal(replay(Chess.default(), moves.slice(0, MAX_PLIES), uciMove).plies.length, 600);
  assertRefused(
    () => replay(Chess.default(), moves, uciMove),
    "the game has 601 plies, more than the 600 allowed",
  );
});

Deno.test("terminalOf", () => {
  assert.equal(terminalOf(Chess.default()), null);
  assert.equal(terminalOf(position("4k3/8/8/8/8/8/8/4K3 w - - 0 1")), "insufficient");
  assert.equal(terminalOf(position("7k/5Q2/6K1/8/8/8/8/8 b - - 0 1")), "stalemate");
  assert.equal(terminalOf(position("7k/6Q1/6K1/8/8/8/8/8 b - - 0 1")), "checkmate");
});
