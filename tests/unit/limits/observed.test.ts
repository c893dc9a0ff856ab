import assert from "node:assert/strict";
import client from "prom-client";
import { HoldTimes } from "../../../src/limits/hold-times.ts";
import { LeaseHolder } from "../../../src/limits/holder.ts";
import { MemoryLimiter } from "../../../src/limits/memory.ts";
import { registerLimiterMetrics } from "../../../src/limits/metrics.ts";
import { ObservedLimiter } from "../../../src/limits/observed.ts";
import { createLimiter } from "../../../src/limits/create.ts";

const LIMITS = { analysis: { user: 2, global: 0 }, batch: { user: 1, global: 2 } };

function setup() {
  let now = 5000;
  const registry = new client.Registry();
  const metrics = registerLimiterMetrics(registry);
  const inner = new MemoryLimiter({
    limits: LIMITS,
    ttlMs: 1000,
    now: () => now,
    onReaped: (n) => metrics.reaped.inc(n),
  });
  const holds = new HoldTimes();
  const l = new ObservedLimiter(inner, holds, metrics, () => now);
  return { l, registry, holds, advance: (ms: number) => (now += ms) };
}

const value = async (r: client.Registry, line: string) =>
  (await r.metrics()).split("\n").find((l) => l.startsWith(line))?.split(" ").at(-1);

Deno.test("observed: decisions, in flight, lost and reaped are counted; holds observed", async () => {
  const { l, registry, holds, advance } = setup();
  const a = await l.acquire({ class: "batch", user: "u" });
  await l.acquire({ class: "batch", user: "u" });
  await l.acquire({ class: "batch", user: "v" });
  await l.acquire({ class: "batch", user: "w" });
  const dec = 'spotgate_limiter_decisions_total{class="batch",decision=';
  assert.equal(await value(registry, `${dec}"granted"}`), "2");
  assert.equal(await value(registry, `${dec}"user_limit"}`), "1");
  assert.equal(await value(registry, `${dec}"global_limit"}`), "1");
  assert.equal(await value(registry, 'spotgate_limiter_in_flight{class="batch"}'), "2");
  advance(400);
  assert.ok(a.kind === "granted");
  await l.release(a.lease.id);
  assert.equal(holds.meanMs("batch"), 400);
  assert.equal(await value(registry, 'spotgate_limiter_in_flight{class="batch"}'), "1");
  advance(2000);
  assert.equal(l.inFlight("batch"), 0, "past the deadline");
  const v = await l.acquire({ class: "analysis" });
  assert.equal(await value(registry, "spotgate_limiter_leases_reaped_total"), "1");
  assert.ok(v.kind === "granted");
  advance(2000);
  assert.deepEqual(await l.renew(v.lease.id), { kind: "lost" });
  assert.equal(await value(registry, "spotgate_limiter_leases_lost_total"), "1");
  assert.equal(l.inFlight("analysis"), 0);
  assert.equal((await l.release("unknown")).kind, "absent");
});

Deno.test("holder: renews every tick, stops and reports a lost lease", async () => {
  const { l, advance } = setup();
  const r = await l.acquire({ class: "batch", user: "h" });
  assert.ok(r.kind === "granted");
  let lost = 0;
  const h = new LeaseHolder(l, r.lease.id, { onLost: () => lost++ });
  h.start();
  h.start();
  assert.ok(h.running);
  for (let i = 0; i < 5; i++) (advance(800), await h.tick());
  assert.equal(l.inFlight("batch"), 1, "renewed past five TTLs");
  advance(1001);
  await h.tick();
  assert.equal(lost, 1);
  assert.equal(h.running, false);
  h.stop();
});

Deno.test("holder: the timer renews at TTL/3 until stopped", async () => {
  const inner = new MemoryLimiter({ limits: LIMITS, ttlMs: 60 });
  const r = await inner.acquire({ class: "batch", user: "t" });
  assert.ok(r.kind === "granted");
  const h = new LeaseHolder(inner, r.lease.id);
  h.start();
  await new Promise((res) => setTimeout(res, 200));
  h.stop();
  assert.equal(inner.held("batch").length, 1, "alive after more than three TTLs");
});

Deno.test("createLimiter without Redis: memory backend, ping true, metrics wired", async () => {
  const registry = new client.Registry();
  const s = await createLimiter({ limits: LIMITS, metrics: registerLimiterMetrics(registry) });
  assert.equal(s.backend(), "memory");
  assert.equal(await s.ping(), true);
  assert.equal(s.limiter.ttlMs, 30_000);
  assert.equal((await s.limiter.acquire({ class: "batch", user: "x" })).kind, "granted");
  assert.match(await registry.metrics(), /spotgate_limiter_in_flight\{class="batch"\} 1/);
  await s.close();
});
