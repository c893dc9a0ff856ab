import assert from "node:assert/strict";
import { SpotPool } from "../../../src/core/pool.ts";
import { slowStartFactor } from "../../../src/core/health.ts";

const spot = (id: string, priority = 100) => ({
  id,
  url: `http://127.0.0.1:1/${id}`,
  region: "r",
  priority,
  enabled: true,
});

Deno.test("pool.apply keeps the state of spots that stay, adds new ones, drains removed ones", () => {
  const pool = new SpotPool();
  assert.deepEqual(pool.apply([spot("a"), spot("b")], 0), { added: ["a", "b"], removed: [] });
  const a = pool.get("a")!;
  a.status = "healthy";
  a.ewma.observe(42, 1);
  a.counters.requests = 9;
  const b = pool.get("b")!;
  b.inFlight = 1;
  assert.deepEqual(pool.apply([spot("a", 150), spot("c")], 2), { added: ["c"], removed: ["b"] });
  assert.equal(pool.get("a"), a, "same record");
  assert.equal(a.status, "healthy");
  assert.equal(a.ewma.value, 42);
  assert.equal(a.counters.requests, 9);
  assert.equal(a.settings.priority, 150, "settings updated in place");
  assert.equal(b.removed, true);
  assert.deepEqual(pool.active().map((s) => s.id), ["a", "c"]);
  assert.deepEqual(pool.list().map((s) => s.id), ["a", "b", "c"], "b drains while in flight");
  assert.deepEqual(pool.apply([spot("a"), spot("c")], 3).removed, [], "reported once");
  pool.sweep();
  assert.ok(pool.get("b"), "still in flight");
  b.inFlight = 0;
  pool.sweep();
  assert.equal(pool.get("b"), undefined);
  assert.equal(pool.list().length, 2);
});

Deno.test("pool.apply: an idle removed spot is forgotten at once; a new spot starts unknown, ramping", () => {
  const pool = new SpotPool();
  pool.apply([spot("a")], 0);
  assert.deepEqual(pool.apply([spot("n")], 10_000), { added: ["n"], removed: ["a"] });
  assert.equal(pool.get("a"), undefined, "nothing in flight: gone");
  const n = pool.get("n")!;
  assert.equal(n.status, "unknown");
  assert.equal(n.slowStartSince, 10_000);
  assert.equal(slowStartFactor(n.slowStartSince, 10_000), 0.1);
  assert.equal(pool.apply([], 11_000).removed[0], "n");
  assert.deepEqual(pool.list(), []);
});

Deno.test("pool.apply: a removed spot that returns while draining is reinstated with its state", () => {
  const pool = new SpotPool();
  pool.apply([spot("a"), spot("b")], 0);
  const b = pool.get("b")!;
  b.inFlight = 2;
  b.status = "degraded";
  pool.apply([spot("a")], 1);
  assert.equal(b.removed, true);
  assert.deepEqual(pool.apply([spot("a"), spot("b", 7)], 2), { added: [], removed: [] });
  assert.equal(pool.get("b"), b);
  assert.equal(b.removed, false);
  assert.equal(b.status, "degraded");
  assert.equal(b.settings.priority, 7);
  assert.equal(b.slowStartSince, 0, "not a new spot: no new ramp");
});

Deno.test("pool passes hooks and the random source to its spots", () => {
  const seen: string[] = [];
  const pool = new SpotPool({ onCircuit: (id, _from, to) => seen.push(`${id}>${to}`) }, () => 0);
  pool.apply([spot("a")], 0);
  const a = pool.get("a")!;
  for (let i = 0; i < 5; i++) a.breaker.allow(0)!.done(false, 0);
  assert.equal(a.breaker.state(26_999), "open");
  assert.equal(a.breaker.state(27_000), "half_open", "random 0: -10 % jitter");
  assert.deepEqual(seen, ["a>open", "a>half_open"]);
});
