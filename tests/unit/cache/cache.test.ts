import assert from "node:assert/strict";
import client from "prom-client";
import { PositionCache } from "../../../src/cache/cache.ts";
import { MemoryStore } from "../../../src/cache/memory.ts";
import { hitRatio, registerCacheMetrics } from "../../../src/cache/metrics.ts";
import { result, START } from "./fixtures.ts";

function cache() {
  const store = new MemoryStore({ maxEntries: 100, maxBytes: 1e6, ttlMs: 60_000 });
  const registry = new client.Registry();
  const metrics = registerCacheMetrics(registry, {
    entries: () => store.entries(),
    waiters: () => 7,
  });
  return { store, registry, metrics, cache: new PositionCache(store, metrics) };
}

Deno.test("PositionCache: a result serves lower depth and multipv, cut; a deeper request misses", async () => {
  const { cache: c, store } = cache();
  await c.save(START, result(12, 3));
  assert.equal(await store.entries(), 3, "stored under the keys of multipv 1, 2 and 3");
  const low = await c.lookup({ fen: START, depth: 8, multipv: 2 });
  assert.equal(low?.depth, 12);
  assert.deepEqual(low?.lines.map((l) => l.multipv), [1, 2]);
  assert.equal(await c.lookup({ fen: START, depth: 13, multipv: 1 }), undefined);
  assert.equal(await c.lookup({ fen: START, depth: 5, multipv: 4 }), undefined);
});

Deno.test("PositionCache: other move counters hit, answered with the request's FEN", async () => {
  const { cache: c } = cache();
  await c.save(START, result(10, 1));
  const later = START.replace(" 0 1", " 3 7");
  assert.equal((await c.lookup({ fen: later, depth: 10, multipv: 1 }))?.fen, later);
});

Deno.test("PositionCache: each key keeps the deepest result it was given", async () => {
  const { cache: c } = cache();
  await c.save(START, result(20, 1));
  await c.save(START, result(15, 3));
  assert.equal((await c.lookup({ fen: START, depth: 1, multipv: 1 }))?.depth, 20);
  assert.equal((await c.lookup({ fen: START, depth: 1, multipv: 2 }))?.depth, 15);
  await c.save(START, result(22, 3));
  assert.equal((await c.lookup({ fen: START, depth: 21, multipv: 3 }))?.depth, 22);
});

Deno.test("cache metrics: counts per outcome, hit ratio, gauges read at scrape time", async () => {
  const { cache: c, metrics, registry } = cache();
  assert.equal(hitRatio(metrics.counts()), null);
  await c.save(START, result(5, 1));
  await c.lookup({ fen: START, depth: 5, multipv: 1 });
  for (const o of ["hit", "hit", "miss", "coalesced", "bypass"] as const) metrics.count(o);
  assert.deepEqual(metrics.counts(), { hit: 2, miss: 1, coalesced: 1, bypass: 1 });
  assert.equal(hitRatio(metrics.counts()), 0.5);
  const text = await registry.metrics();
  assert.match(text, /spotgate_cache_requests_total\{result="hit"\} 2/);
  assert.match(text, /spotgate_cache_entries 1/);
  assert.match(text, /spotgate_coalesced_waiters 7/);
  assert.match(text, /spotgate_cache_seconds_count\{op="get"\} 1/);
  assert.match(text, /spotgate_cache_seconds_count\{op="set"\} 1/);
});
