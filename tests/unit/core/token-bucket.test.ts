import assert from "node:assert/strict";
import { TokenBuckets } from "../../../src/core/token-bucket.ts";

Deno.test("token buckets: a burst of the rate, then a token per 60/rate seconds", () => {
  const b = new TokenBuckets(6); // one token every 10 s
  for (let i = 0; i < 6; i++) assert.equal(b.take("k", 0), 0, `burst ${i}`);
  assert.equal(b.take("k", 0), 10, "empty: the next token in 10 s");
  assert.equal(b.take("k", 4_000), 6);
  assert.equal(b.take("k", 10_000), 0, "refilled");
  assert.equal(b.take("other", 10_000), 0, "keys are independent");
  assert.equal(b.take("k", 1_000_000), 0);
  for (let i = 0; i < 5; i++) b.take("k", 1_000_000);
  assert.equal(b.take("k", 1_000_000), 10, "refill is capped at the burst size");
});

Deno.test("token buckets: idle keys beyond maxKeys are forgotten, least recently used first", () => {
  const b = new TokenBuckets(1, 2);
  assert.equal(b.take("a", 0), 0);
  assert.equal(b.take("b", 0), 0);
  assert.equal(b.take("a", 0), 60, "a is empty");
  assert.equal(b.take("c", 0), 0); // evicts b, the least recently used
  assert.equal(b.take("a", 0), 60, "a was kept");
  assert.equal(b.take("b", 0), 0, "b was forgotten: a fresh bucket");
});
