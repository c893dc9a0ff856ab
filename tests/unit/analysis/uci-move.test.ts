import assert from "node:assert/strict";
import { Chess } from "chessops/chess";
import { parseFen } from "chessops/fen";
import { standardUci, uciMove } from "../../../src/analysis/uci-move.ts";
import { assertRefused } from "./refusal.ts";

function position(fen: string): Chess {
  return Chess.fromSetup(parseFen(fen).unwrap()).unwrap();
}

const CASTLE = "r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1";
const PROMOTE = "8/4P3/8/8/8/8/k7/4K3 w - - 0 1";

Deno.test("uciMove reads legal UCI moves, castling both ways of writing it", () => {
  assert.deepEqual(uciMove(Chess.default(), "e2e4", 1), { from: 12, to: 28, promotion: undefined });
  assert.deepEqual(uciMove(position(CASTLE), "e1g1", 1), { from: 4, to: 6, promotion: undefined });
  assert.deepEqual(uciMove(position(CASTLE), "e1h1", 1), { from: 4, to: 7, promotion: undefined });
  assert.equal(uciMove(position(PROMOTE), "e7e8n", 1).promotion, "knight");
});

Deno.test("uciMove names the ply of a null, malformed or illegal move", () => {
  const start = Chess.default();
  assertRefused(() => uciMove(start, "0000", 4), "ply 4: null move 0000 is not a move to analyse");
  for (const bad of ["e2e9", "P@e4", "e2-e4", "E2E4", "e2e4 ", "e7e8k", ""]) {
    assertRefused(
      () => uciMove(start, bad, 2),
      `ply 2: bad UCI move ${JSON.stringify(bad)} (expected e.g. e2e4 or e7e8q)`,
    );
  }
  assertRefused(() => uciMove(start, "e2e5", 3), "ply 3: illegal move e2e5");
  assertRefused(() => uciMove(position(PROMOTE), "e7e8", 1), "ply 1: illegal move e7e8");
});

Deno.test("standardUci writes castling as the king's two-square step", () => {
  const pos = position(CASTLE);
  assert.equal(standardUci(pos, { from: 4, to: 7 }), "e1g1");
  assert.equal(standardUci(pos, { from: 4, to: 0 }), "e1c1");
  assert.equal(standardUci(pos, { from: 4, to: 2 }), "e1c1");
  assert.equal(standardUci(pos, { from: 0, to: 3 }), "a1d1");
  assert.equal(standardUci(position(PROMOTE), { from: 52, to: 60, promotion: "queen" }), "e7e8q");
});
