import assert from "node:assert/strict";
import { cacheKey, flightKey, normalizedPosition } from "../../../src/cache/key.ts";

const START = "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1";

Deno.test("normalizedPosition: move counters are ignored", () => {
  const later = "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 12 40";
  assert.equal(normalizedPosition(later), normalizedPosition(START));
  assert.equal(normalizedPosition(START), "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq -");
});

Deno.test("normalizedPosition: an en-passant square without a legal capture is dropped", () => {
  // After 1. e4 no black pawn stands beside e4: e3 cannot be taken en passant.
  const e4 = "rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq e3 0 1";
  const plain = "rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq - 0 1";
  assert.equal(normalizedPosition(e4), normalizedPosition(plain));
  assert.doesNotMatch(normalizedPosition(e4), / e3$/);
});

Deno.test("normalizedPosition: an en-passant square with a legal capture is kept", () => {
  // White's e5 pawn can take d5 en passant on d6.
  const ep = "rnbqkbnr/ppp1pppp/8/3pP3/8/8/PPPP1PPP/RNBQKBNR w KQkq d6 0 3";
  const none = "rnbqkbnr/ppp1pppp/8/3pP3/8/8/PPPP1PPP/RNBQKBNR w KQkq - 0 3";
  assert.match(normalizedPosition(ep), / d6$/);
  assert.notEqual(normalizedPosition(ep), normalizedPosition(none));
});

Deno.test("normalizedPosition: an en-passant capture that would expose the king is no capture", () => {
  // The e5 pawn is pinned along the fifth rank (rook a5, king h5): exd6 is illegal.
  const pinned = "4k3/8/8/r2pP2K/8/8/8/8 w - d6 0 1";
  assert.doesNotMatch(normalizedPosition(pinned), / d6$/);
});

Deno.test("normalizedPosition: side to move and castling rights distinguish positions", () => {
  const black = "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR b KQkq - 0 1";
  const noCastle = "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w Kkq - 0 1";
  assert.notEqual(normalizedPosition(black), normalizedPosition(START));
  assert.notEqual(normalizedPosition(noCastle), normalizedPosition(START));
});

Deno.test("normalizedPosition: remembers many positions without growing past its bound", () => {
  for (let i = 0; i < 5000; i++) {
    normalizedPosition(`rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 ${i + 1}`);
  }
  assert.equal(normalizedPosition(START), normalizedPosition(START));
});

Deno.test("cacheKey and flightKey: multipv in the key; a flight is the exact request", () => {
  const p = normalizedPosition(START);
  assert.notEqual(cacheKey(p, 1), cacheKey(p, 2));
  const a = flightKey({ fen: START, depth: 10, multipv: 2 });
  assert.notEqual(a, flightKey({ fen: START, depth: 11, multipv: 2 }));
  assert.notEqual(a, flightKey({ fen: START.replace(" 0 1", " 0 2"), depth: 10, multipv: 2 }));
  assert.equal(a, flightKey({ fen: START, depth: 10, multipv: 2 }));
});
