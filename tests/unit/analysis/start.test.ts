import assert from "node:assert/strict";
import { makeFen } from "chessops/fen";
import { startFromFen, startFromHeaders } from "../../../src/analysis/start.ts";
import { assertRefused } from "./refusal.ts";

const BLACK_TO_MOVE = "3r2k1/5ppp/8/8/8/8/5PPP/6K1 b - - 0 1";

Deno.test("startFromFen: the position of a legal FEN", () => {
  assert.equal(makeFen(startFromFen(BLACK_TO_MOVE, "initial_fen").toSetup()), BLACK_TO_MOVE);
});

Deno.test("startFromFen: the gateway's FEN rules, the message naming where the FEN came from", () => {
  const err = assertRefused(
    () => startFromFen("8/8/8/8/8/8/8/8 w - - 0 1", "initial_fen"),
    "initial_fen: Invalid FEN: the board is empty",
  );
  assert.match(err.hint ?? "", /king/);
  // chessops would drop the castling right silently; validateFen refuses it
  assertRefused(
    () => startFromFen("4k3/8/8/8/8/8/8/4K3 w K - 0 1", "[FEN]"),
    /^\[FEN\]: Invalid FEN: castling/,
  );
});

Deno.test('startFromHeaders: the standard start, or [FEN] with [SetUp "1"], or [FEN] alone', () => {
  assert.equal(startFromHeaders(new Map()).turn, "white");
  const setUp = new Map([["SetUp", "1"], ["FEN", BLACK_TO_MOVE]]);
  assert.equal(makeFen(startFromHeaders(setUp).toSetup()), BLACK_TO_MOVE);
  assert.equal(startFromHeaders(new Map([["FEN", ` ${BLACK_TO_MOVE} `]])).turn, "black");
  assert.equal(startFromHeaders(new Map([["Variant", "Standard"]])).turn, "white");
});

Deno.test('startFromHeaders refuses other variants, a bad [FEN] and [FEN] under [SetUp "0"]', () => {
  for (const variant of ["Chess960", "Crazyhouse", "Atomic"]) {
    assertRefused(
      () => startFromHeaders(new Map([["Variant", variant]])),
      `unsupported variant "${variant}": only standard chess is analysed`,
    );
  }
  assertRefused(() => startFromHeaders(new Map([["FEN", "not a fen"]])), /^\[FEN\]: Invalid FEN/);
  assertRefused(
    () => startFromHeaders(new Map([["SetUp", "0"], ["FEN", BLACK_TO_MOVE]])),
    'the PGN has a [FEN] tag under [SetUp "0"]: use [SetUp "1"] with [FEN]',
  );
});
