import assert from "node:assert/strict";
import { exhausted, spotRefusal } from "../../../src/proxy/failure.ts";
import type { TriedSpot } from "../../../src/proxy/router.ts";

const down = { unavailable: { full: false, retryAfterS: 7 } };
const t = (spot: string, outcome: TriedSpot["outcome"], retryAfterS?: number): TriedSpot => ({
  spot,
  outcome,
  ms: 1,
  ...(retryAfterS === undefined ? {} : { retryAfterS }),
});

Deno.test("exhausted: 504 when every attempt timed out, else 503 naming spots and reasons", () => {
  const timeout = exhausted([t("a", "timeout"), t("b", "timeout")], down);
  assert.equal(timeout.code, "upstream_timeout");
  assert.equal(timeout.status, 504);
  const mixed = exhausted([t("a", "timeout"), t("b", "http_5xx")], down);
  assert.equal(mixed.code, "no_spot_available");
  assert.match(mixed.message, /a: timeout, b: http_5xx/);
  assert.equal(mixed.retryAfter, 7, "Retry-After from when a spot may be back, not a flat 1");
  assert.match(exhausted([], down).message, /down, disabled or circuit-open/);
  const late = exhausted([t("a", "http_5xx")], { ...down, stopped: "deadline" });
  assert.equal(late.code, "upstream_timeout", "the overall deadline passed");
});

Deno.test("exhausted: a deep search past its deadline says so and suggests a lower depth", () => {
  const e = exhausted([t("a", "slow")], down);
  assert.equal(e.code, "upstream_timeout");
  assert.match(e.message, /did not finish in time on a, which still answer/);
  assert.match(e.hint!, /lower depth/);
});

Deno.test("exhausted: a full fleet is 503 engine_busy with the spots' Retry-After", () => {
  const busy = exhausted([t("a", "busy", 2), t("b", "busy", 4)], down);
  assert.equal(busy.code, "engine_busy");
  assert.equal(busy.retryAfter, 4, "the last spot's own Retry-After");
  const full = { unavailable: { full: true, retryAfterS: 3 }, stopped: "no_spot" as const };
  assert.equal(exhausted([], full).code, "engine_busy", "no attempt: every spot said full");
  assert.equal(exhausted([], full).retryAfter, 3);
  assert.equal(exhausted([t("a", "busy")], down).retryAfter, 1, "at least a second");
});

Deno.test("exhausted: a spot's 4xx is relayed in the gateway's shape with its message", () => {
  const refusal = {
    status: 400,
    text: JSON.stringify({ error: { code: "invalid_fen", message: "bad board" } }),
  };
  const e = exhausted([t("a", "http_4xx")], { ...down, refusal });
  assert.equal(e.code, "invalid_fen");
  assert.match(e.message, /The spot refused the request as invalid: bad board \(400\)/);
  const plain = spotRefusal({ status: 422, text: "<html>" });
  assert.equal(plain.code, "invalid_request");
  assert.match(plain.message, /invalid \(422\)/);
  assert.equal(spotRefusal(undefined).status, 400);
});
