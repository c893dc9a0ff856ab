import assert from "node:assert/strict";
import { MemoryLimiter } from "../../../src/limits/memory.ts";
import { DEFAULT_LIMITS, localLimits } from "../../../src/limits/limiter.ts";

function clocked(ttlMs = 1000) {
  let now = 1_000_000, n = 0, reaped = 0;
  const l = new MemoryLimiter({
    limits: DEFAULT_LIMITS,
    ttlMs,
    now: () => now,
    newId: () => `id${++n}`,
    onReaped: (k) => (reaped += k),
  });
  return { l, advance: (ms: number) => (now += ms), reaped: () => reaped, now: () => now };
}

Deno.test("memory: deadlines follow the injected clock; expiry reaps and frees", async () => {
  const { l, advance, reaped } = clocked(1000);
  const a = await l.acquire({ class: "batch", user: "u" });
  assert.deepEqual(a, {
    kind: "granted",
    lease: {
      id: "id1",
      class: "batch",
      user: "u",
      acquiredAt: 1e6,
      expiresAt: 1e6 + 1000,
      ttl: 1000,
    },
  });
  advance(999);
  assert.equal((await l.acquire({ class: "batch", user: "u" })).kind, "denied");
  advance(1);
  assert.equal(l.held("batch").length, 0, "expired exactly at its deadline");
  assert.equal(reaped(), 1);
  assert.equal((await l.acquire({ class: "batch", user: "u" })).kind, "granted");
});

Deno.test("memory: renew moves the deadline to now + ttl; release reports the hold", async () => {
  const { l, advance } = clocked(1000);
  await l.acquire({ class: "analysis", user: "v", id: "mine" });
  advance(600);
  const r = await l.renew("mine");
  assert.equal(r.kind === "renewed" && r.lease.expiresAt, 1e6 + 1600);
  advance(900);
  assert.equal(l.held().length, 1, "still held thanks to the renewal");
  const rel = await l.release("mine");
  assert.equal(rel.kind === "released" && rel.lease.expiresAt - rel.lease.acquiredAt, 1500);
  assert.deepEqual(await l.release("mine"), { kind: "absent" });
});

Deno.test("memory: default ttl and ids; anonymous leases carry no user", async () => {
  const l = new MemoryLimiter({ limits: DEFAULT_LIMITS });
  assert.equal(l.ttlMs, 30_000);
  const r = await l.acquire({ class: "analysis" });
  assert.ok(r.kind === "granted" && r.lease.id.length === 36 && !("user" in r.lease));
});

Deno.test("localLimits: the global limit shared by replicas, at least 1, off stays off", () => {
  assert.deepEqual(localLimits(DEFAULT_LIMITS, 2), {
    analysis: { user: 4, global: 0 },
    batch: { user: 1, global: 1 },
  });
  const l = { analysis: { user: 4, global: 10 }, batch: { user: 1, global: 3 } };
  assert.equal(localLimits(l, 3).analysis.global, 3);
  assert.equal(localLimits(l, 1).batch.global, 3);
  assert.equal(localLimits(l, 5).batch.global, 1);
});
