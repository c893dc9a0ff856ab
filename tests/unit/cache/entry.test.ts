import assert from "node:assert/strict";
import {
  answerFor,
  forStorage,
  replaces,
  serves,
  storable,
  STORED_PV_PLIES,
} from "../../../src/cache/entry.ts";
import { result, START } from "./fixtures.ts";

Deno.test("serves: an entry answers requests no deeper and with no more lines than it has", () => {
  const e = { depth: 20, multipv: 3 };
  assert.equal(serves(e, { depth: 20, multipv: 3 }), true);
  assert.equal(serves(e, { depth: 5, multipv: 1 }), true);
  assert.equal(serves(e, { depth: 21, multipv: 1 }), false);
  assert.equal(serves(e, { depth: 10, multipv: 4 }), false);
});

Deno.test("replaces: deeper wins, shallower never, same depth more lines", () => {
  assert.equal(replaces({ depth: 10, multipv: 1 }, undefined), true);
  assert.equal(replaces({ depth: 12, multipv: 1 }, { depth: 10, multipv: 5 }), true);
  assert.equal(replaces({ depth: 9, multipv: 5 }, { depth: 10, multipv: 1 }), false);
  assert.equal(replaces({ depth: 10, multipv: 3 }, { depth: 10, multipv: 2 }), true);
  assert.equal(replaces({ depth: 10, multipv: 2 }, { depth: 10, multipv: 2 }), false);
  assert.equal(replaces({ depth: 10, multipv: 1 }, { depth: 10, multipv: 2 }), false);
});

Deno.test("answerFor: lines cut to the request's multipv, the stored depth, the request's FEN", () => {
  const later = START.replace(" 0 1", " 4 9");
  const a = answerFor(result(18, 3), { fen: later, depth: 10, multipv: 2 });
  assert.equal(a.depth, 18);
  assert.equal(a.multipv, 2);
  assert.deepEqual(a.lines.map((l) => l.multipv), [1, 2]);
  assert.equal(a.fen, later);
  assert.equal(answerFor(result(18, 3), { fen: START, depth: 1, multipv: 3 }).lines.length, 3);
});

Deno.test("forStorage: PVs cut to 16 plies; short ones untouched (same object)", () => {
  const long = forStorage(result(20, 2, START, 30));
  assert.ok(long.lines.every((l) => l.pv.length === STORED_PV_PLIES));
  const short = result(20, 2);
  assert.equal(forStorage(short), short);
});

Deno.test("storable: only a whole EngineResult", () => {
  assert.equal(storable(result(5, 1)), true);
  assert.equal(storable({ depth: 5 }), false);
  assert.equal(storable(null), false);
  assert.equal(storable({ ...result(5, 1), depth: "5" }), false);
});
