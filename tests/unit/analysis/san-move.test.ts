import assert from "node:assert/strict";
import { Chess } from "chessops/chess";
import { parseFen } from "chessops/fen";
import { isAmbiguousSan, sanMove } from "../../../src/analysis/san-move.ts";
import { assertRefused } from "./refusal.ts";

function position(fen: string): Chess {
  return Chess.fromSetup(parseFen(fen).unwrap()).unwrap();
}

// White knights on b1 and b3 both reach d2; kings e1 and e8.
const TWO_KNIGHTS = "4k3/8/8/8/8/1N6/8/1N2K3 w - - 0 1";

Deno.test("isAmbiguousSan: two legal readings of a piece move", () => {
  const pos = position(TWO_KNIGHTS);
  assert.equal(isAmbiguousSan(pos, "Nd2"), true);
  // the file b does not tell b1 from b3; the ranks do
  assert.equal(isAmbiguousSan(pos, "Nbd2"), true);
  assert.equal(isAmbiguousSan(pos, "N1d2"), false);
  assert.equal(isAmbiguousSan(pos, "Nd4"), false);
  assert.equal(isAmbiguousSan(pos, "e4"), false);
  assert.equal(isAmbiguousSan(pos, "Qd2"), false);
});

Deno.test("sanMove returns chessops' move, and names the ply of a bad one", () => {
  const pos = position(TWO_KNIGHTS);
  assert.deepEqual(sanMove(pos, "N1d2", 5), { from: 1, to: 11, promotion: undefined });
  assertRefused(() => sanMove(pos, "Nd2", 5), "ply 5: ambiguous move Nd2");
  assertRefused(() => sanMove(pos, "Nbd2", 5), "ply 5: ambiguous move Nbd2");
  assertRefused(() => sanMove(pos, "Qxh2", 46), "ply 46: illegal move Qxh2");
  assertRefused(() => sanMove(pos, "--", 9), "ply 9: null move -- is not a move to analyse");
  // a drop is no standard-chess move
  assertRefused(() => sanMove(pos, "N@d5", 3), "ply 3: illegal move N@d5");
});

Deno.test("sanMove: a pinned knight leaves the other one unambiguous", () => {
  // the e4 knight is pinned by the rook on e8 against the king on e1: Nd2 is the b1 knight's
  const pos = position("4r1k1/8/8/8/4N3/8/8/1N2K3 w - - 0 1");
  assert.deepEqual(sanMove(pos, "Nd2", 1), { from: 1, to: 11, promotion: undefined });
});
