import assert from "node:assert/strict";
import { invalidGame, withPrefix } from "../../../src/analysis/invalid.ts";
import { assertRefused } from "./refusal.ts";

Deno.test("invalidGame throws invalid_request with the message and an optional hint", () => {
  const err = assertRefused(() => invalidGame("ply 1: illegal move Ke3", "a hint"), /Ke3/);
  assert.equal(err.hint, "a hint");
  assert.equal(assertRefused(() => invalidGame("no hint"), "no hint").hint, undefined);
});

Deno.test("withPrefix prefixes a GatewayError's message, keeps its hint, passes others through", () => {
  assert.equal(withPrefix("game 2, ", () => 7), 7);
  const err = assertRefused(
    () => withPrefix("game 2, ", () => invalidGame("ply 3: illegal move Qh5", "h")),
    "game 2, ply 3: illegal move Qh5",
  );
  assert.equal(err.hint, "h");
  assert.throws(() => withPrefix("x", () => JSON.parse("{")), SyntaxError);
});
