import assert from "node:assert/strict";
import { validateFen } from "../../../src/chess/fen.ts";
import { GatewayError } from "../../../src/errors/gateway-error.ts";

const LEGAL: Record<string, string> = {
  start: "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1",
  middlegame: "r1bq1rk1/pp2bppp/2n1pn2/2pp4/3P4/2PBPN2/PP1N1PPP/R1BQ1RK1 w - - 4 9",
  "legal en passant": "rnbqkbnr/ppp1p1pp/8/3pPp2/8/8/PPPP1PPP/RNBQKBNR w KQkq f6 0 3",
  "black en passant": "rnbqkbnr/pppp1ppp/8/8/3Pp3/8/PPP1PPPP/RNBQKBNR b KQkq d3 0 2",
  "partial castling": "r3k2r/8/8/8/8/8/8/R3K2R w Kq - 0 1",
  checkmate: "rnb1kbnr/pppp1ppp/8/4p3/6Pq/5P2/PPPPP2P/RNBQKBNR w KQkq - 1 3",
  stalemate: "7k/5Q2/6K1/8/8/8/8/8 b - - 0 1",
  "big counters": "8/8/8/4k3/8/8/8/4K3 w - - 99 150",
};

for (const [name, fen] of Object.entries(LEGAL)) {
  Deno.test(`validateFen accepts ${name}`, () => {
    assert.equal(validateFen(fen), fen);
  });
}

const ILLEGAL: [string, string, RegExp][] = [
  ["empty", "", /empty/],
  ["newline injection", "8/8/8/4k3/8/8/8/4K3 w - - 0 1\ngo infinite", /character "\\n"/],
  ["too long", "8/".repeat(50) + " w - - 0 1", /over 100 characters/],
  ["five fields", "8/8/8/4k3/8/8/8/4K3 w - - 0", /expected 6 fields/],
  ["double space", "8/8/8/4k3/8/8/8/4K3 w  - - 0 1", /expected 6 fields/],
  ["seven ranks", "8/8/8/4k3/8/8/4K3 w - - 0 1", /7 ranks/],
  ["rank of nine", "8/8/8/4k4/8/8/8/4K3 w - - 0 1", /rank 5 "4k4" has 9 squares/],
  ["adjacent digits", "8/8/8/4k3/8/8/8/44K w - - 0 1", /not pieces and single digits/],
  ["bad piece letter", "8/8/8/4k3/8/8/8/4X3 w - - 0 1", /not pieces/],
  ["bad side", "8/8/8/4k3/8/8/8/4K3 x - - 0 1", /side to move/],
  ["no white king", "8/8/8/4k3/8/8/8/8 w - - 0 1", /exactly one king/],
  ["two black kings", "k7/8/8/4k3/8/8/8/4K3 w - - 0 1", /exactly one king/],
  ["pawn on rank 8", "P7/8/8/4k3/8/8/8/4K3 w - - 0 1", /first or eighth rank/],
  ["pawn on rank 1", "8/8/8/4k3/8/8/8/p3K3 w - - 0 1", /first or eighth rank/],
  ["side not to move in check", "4k3/8/8/8/8/8/4R3/4K3 w - - 0 1", /not to move is in check/],
  ["castling without rook", "4k3/8/8/8/8/8/8/4K3 w K - 0 1", /"K" needs the white king/],
  ["castling king moved", "r3k2r/8/8/8/8/8/8/R2K3R w Q - 0 1", /"Q" needs the white king/],
  ["black castling no rook", "4k3/8/8/8/8/8/8/R3K2R w KQq - 0 1", /"q" needs the black king/],
  ["castling bad letters", "r3k2r/8/8/8/8/8/8/R3K2R w QK - 0 1", /castling must be/],
  ["ep wrong rank", "rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq e4 0 1", /rank 3 or 6/],
  ["ep wrong side", "rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR w KQkq e3 0 1", /wrong rank/],
  ["ep no pawn", "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR b KQkq e3 0 1", /no white pawn/],
  [
    "ep origin occupied",
    "rnbqkbnr/pppppppp/8/8/4P3/8/PPPPPPPP/RNBQKBN1 b Qkq e3 0 1",
    /occupied/,
  ],
  ["halfmove negative", "8/8/8/4k3/8/8/8/4K3 w - - -1 1", /halfmove clock/],
  ["halfmove leading zero", "8/8/8/4k3/8/8/8/4K3 w - - 01 1", /halfmove clock/],
  ["fullmove zero", "8/8/8/4k3/8/8/8/4K3 w - - 0 0", /fullmove number/],
  ["fullmove plus sign", "8/8/8/4k3/8/8/8/4K3 w - - 0 +1", /character "\+"/],
];

for (const [name, fen, reason] of ILLEGAL) {
  Deno.test(`validateFen rejects ${name}`, () => {
    assert.throws(() => validateFen(fen), (err: unknown) => {
      assert.ok(err instanceof GatewayError);
      assert.equal(err.code, "invalid_fen");
      assert.equal(err.status, 400);
      assert.match(err.message, reason);
      assert.ok(err.hint);
      return true;
    });
  });
}

Deno.test("validateFen remembers legal positions (bounded) and never remembers an illegal one", () => {
  const base = "8/8/8/4k3/8/8/8/4K3 w - - 0";
  for (let i = 1; i <= 2100; i++) assert.equal(validateFen(`${base} ${i}`), `${base} ${i}`);
  assert.equal(validateFen(`${base} 1`), `${base} 1`, "evicted entries are validated again");
  const illegal = "8/8/8/8/8/8/8/4K3 w - - 0 1";
  for (let i = 0; i < 2; i++) assert.throws(() => validateFen(illegal), /exactly one king|empty/);
});
