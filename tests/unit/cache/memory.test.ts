import assert from "node:assert/strict";
import { MemoryStore } from "../../../src/cache/memory.ts";
import { result } from "./fixtures.ts";

const big = { maxEntries: 100, maxBytes: 1e6, ttlMs: 60_000 };

Deno.test("MemoryStore: depth-monotone per key", async () => {
  const s = new MemoryStore(big);
  await s.put(["k"], result(10, 1));
  await s.put(["k"], result(8, 3));
  assert.equal((await s.get("k"))?.depth, 10, "a shallower result never replaces");
  await s.put(["k"], result(10, 2));
  assert.equal((await s.get("k"))?.multipv, 2, "as deep with more lines does");
  await s.put(["k"], result(12, 1));
  assert.equal((await s.get("k"))?.depth, 12, "a deeper one does");
  assert.equal(await s.entries(), 1);
  assert.equal(s.up(), true);
  await s.close();
  assert.equal(await s.entries(), 0);
});

Deno.test("MemoryStore: bounded by entries, least recently used out", async () => {
  const s = new MemoryStore({ ...big, maxEntries: 2 });
  await s.put(["a"], result(5, 1));
  await s.put(["b"], result(5, 1));
  await s.get("a");
  await s.put(["c"], result(5, 1));
  assert.equal(await s.entries(), 2);
  assert.ok(await s.get("a"), "a was used last: kept");
  assert.equal(await s.get("b"), undefined);
});

Deno.test("MemoryStore: bounded by bytes (the JSON size under each key)", async () => {
  const one = JSON.stringify(result(5, 1)).length;
  const s = new MemoryStore({ ...big, maxBytes: one * 3 });
  await s.put(["a", "b", "c", "d"], result(5, 1));
  assert.equal(await s.entries(), 3);
  assert.ok(s.bytes <= one * 3);
});

Deno.test("MemoryStore: an entry unused for the TTL is gone (clock passed in)", async () => {
  let now = 1000;
  const s = new MemoryStore({ ...big, ttlMs: 100, now: () => now });
  await s.put(["a"], result(5, 1));
  now += 90;
  assert.ok(await s.get("a"));
  now += 90;
  assert.ok(await s.get("a"), "a read renews its age");
  now += 101;
  assert.equal(await s.get("a"), undefined);
});
