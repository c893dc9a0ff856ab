import assert from "node:assert/strict";
import type { EngineResult } from "../../../src/api/types.ts";
import { CircuitBreaker } from "../../../src/core/breaker.ts";
import { GuardedStore } from "../../../src/cache/guarded.ts";
import { MemoryStore } from "../../../src/cache/memory.ts";
import type { CacheStore } from "../../../src/cache/store.ts";
import { result } from "./fixtures.ts";

/** A store in trouble: it answers as `mode` says (a real MemoryStore when "ok"). */
class TroubledStore implements CacheStore {
  readonly backend = "redis" as const;
  mode: "ok" | "hang" | "fail" = "ok";
  calls = 0;
  readonly memory = new MemoryStore({ maxEntries: 10, maxBytes: 1e6, ttlMs: 1e6 });
  #pending: (() => void)[] = [];
  #do<T>(op: () => Promise<T>): Promise<T> {
    this.calls++;
    if (this.mode === "fail") return Promise.reject(new Error("Connection is closed."));
    if (this.mode === "hang") return new Promise((r) => this.#pending.push(() => r(op() as T)));
    return op();
  }
  get(key: string): Promise<EngineResult | undefined> {
    return this.#do(() => this.memory.get(key));
  }
  put(keys: string[], e: EngineResult): Promise<void> {
    return this.#do(() => this.memory.put(keys, e));
  }
  entries(): Promise<number> {
    return this.#do(() => this.memory.entries());
  }
  up = () => this.mode === "ok";
  close(): Promise<void> {
    for (const r of this.#pending.splice(0)) r();
    return Promise.resolve();
  }
}

Deno.test("GuardedStore: a hanging store is a miss by the deadline; its put is dropped", async () => {
  const inner = new TroubledStore();
  const seen: [boolean, string?][] = [];
  const g = new GuardedStore(inner, {
    deadlineMs: 20,
    onTransition: (up, r) => seen.push([up, r]),
  });
  await g.put(["k"], result(5, 1));
  assert.equal((await g.get("k"))?.depth, 5);
  assert.equal(await g.entries(), 1);
  inner.mode = "hang";
  const t = performance.now();
  assert.equal(await g.get("k"), undefined);
  assert.ok(performance.now() - t < 1000, "answered, not left waiting on the store");
  await g.put(["j"], result(5, 1));
  assert.equal(await g.entries(), 1, "the last count when the store does not answer");
  assert.equal(g.up(), false);
  assert.deepEqual(seen, [[false, "timed out"]], "one transition for several failures");
  inner.mode = "ok";
  assert.ok(await g.get("k"));
  assert.deepEqual(seen.at(-1), [true, undefined]);
  assert.equal(g.backend, "redis");
  await g.close();
});

Deno.test("GuardedStore: the breaker stops asking a store that keeps failing, then probes", async () => {
  let now = 0;
  const inner = new TroubledStore();
  inner.mode = "fail";
  const breaker = new CircuitBreaker({ baseCooldownMs: 1000, random: () => 0.5 });
  const g = new GuardedStore(inner, { breaker, now: () => now });
  for (let i = 0; i < 5; i++) assert.equal(await g.get("k"), undefined);
  assert.equal(inner.calls, 5);
  assert.equal(await g.get("k"), undefined);
  assert.equal(inner.calls, 5, "open: the store is not asked");
  now += 1000;
  inner.mode = "ok";
  assert.equal(await g.get("k"), undefined, "a miss, from the store this time");
  assert.equal(inner.calls, 6);
  assert.equal(g.up(), true);
  await g.close();
});
