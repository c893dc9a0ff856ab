import assert from "node:assert/strict";
import { parseAnalysisParams } from "../../../src/api/params.ts";
import { validateFen } from "../../../src/chess/fen.ts";
import { GatewayError } from "../../../src/errors/gateway-error.ts";

function hintOf(fen: string): string {
  try {
    validateFen(fen);
  } catch (err) {
    assert.ok(err instanceof GatewayError && err.code === "invalid_fen", String(err));
    return err.hint ?? "";
  }
  throw new Error(`accepted: ${fen}`);
}

// Each cause has its own hint, saying what to write instead.
const CAUSES: [string, string, RegExp][] = [
  ["wrong field count", "8/8/8/4k3/8/8/8/4K3 w - - 0", /six fields separated by single spaces/],
  ["empty", "", /six fields/],
  ["character", "8/8/8/4k3/8/8/8/4K3 w - - 0 1\ngo", /only piece letters, digits/],
  ["too long", "8/".repeat(50) + " w - - 0 1", /at most 100 characters/],
  ["bad board: ranks", "8/8/8/4k3/8/8/4K3 w - - 0 1", /eight ranks from 8 down to 1/],
  ["bad board: squares", "8/8/8/4k4/8/8/8/4K3 w - - 0 1", /each rank adds up to 8 squares/],
  ["side to move", "8/8/8/4k3/8/8/8/4K3 x - - 0 1", /"w" \(white\) or "b" \(black\)/],
  ["kings", "k7/8/8/4k3/8/8/8/4K3 w - - 0 1", /exactly one white king \(K\) and one black king/],
  ["no piece at all", "8/8/8/8/8/8/8/8 w - - 0 1", /exactly one white king/],
  ["pawns on back rank", "P7/8/8/4k3/8/8/8/4K3 w - - 0 1", /promoted/],
  ["side not to move in check", "4k3/8/8/8/8/8/4R3/4K3 w - - 0 1", /side to move \(second field\)/],
  ["castling letters", "r3k2r/8/8/8/8/8/8/R3K2R w QK - 0 1", /in the order KQkq/],
  ["castling pieces", "4k3/8/8/8/8/8/8/4K3 w K - 0 1", /king on e1 and the rook on h1/],
  [
    "en passant",
    "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR b KQkq e3 0 1",
    /square a pawn just skipped/,
  ],
  ["en passant rank", "8/8/8/4k3/8/8/8/4K3 w - e4 0 1", /square a pawn just skipped/],
  ["halfmove counter", "8/8/8/4k3/8/8/8/4K3 w - - x 1", /halfmove clock \(0 or more\)/],
  ["fullmove counter", "8/8/8/4k3/8/8/8/4K3 w - - 0 0", /fullmove number \(1 or more\)/],
];

for (const [cause, fen, hint] of CAUSES) {
  Deno.test(`invalid_fen hint for ${cause}`, () => {
    assert.match(hintOf(fen), hint);
  });
}

Deno.test("invalid_fen hints: none is the old one-size-fits-all hint; most causes have their own", () => {
  const generic = CAUSES.filter(([, fen]) => /six space-separated fields/.test(hintOf(fen)));
  assert.deepEqual(generic.map(([cause]) => cause), []);
  const hints = new Set(CAUSES.map(([, fen]) => hintOf(fen)));
  assert.ok(hints.size >= 11, `distinct hints: ${hints.size}`);
});

Deno.test("invalid_fen hints reach the API answer (parseAnalysisParams)", () => {
  assert.throws(
    () => parseAnalysisParams({ fen: "P7/8/8/4k3/8/8/8/4K3 w - - 0 1" }),
    (e) => e instanceof GatewayError && /promoted/.test(e.hint ?? ""),
  );
});
