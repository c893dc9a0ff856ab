import assert from "node:assert/strict";
import { GatewayError } from "../../src/errors/gateway-error.ts";
import { grantedOrThrow } from "../../src/limits/answers.ts";
import { HoldTimes } from "../../src/limits/hold-times.ts";
import type { AcquireResult, Lease } from "../../src/limits/limiter.ts";
import { MemoryLimiter } from "../../src/limits/memory.ts";
import { connectRedis, whenReady } from "../../src/limits/redis-client.ts";
import { RedisLimiter } from "../../src/limits/redis.ts";
import { type RedisDownPolicy, ResilientLimiter } from "../../src/limits/resilient.ts";
import { startRedis } from "../helpers/redis.ts";
import { MAX_UNSENT, UnsentReleases } from "../../src/limits/unsent-releases.ts";

const LIMITS = { analysis: { user: 4, global: 0 }, batch: { user: 1, global: 4 } };
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function resilient(url: string, policy: RedisDownPolicy) {
  const redis = new RedisLimiter({ redis: connectRedis(url), limits: LIMITS });
  const fallback = new MemoryLimiter({ limits: { ...LIMITS, batch: { user: 1, global: 2 } } });
  const changes: boolean[] = [];
  const limiter = new ResilientLimiter({
    redis,
    fallback,
    policy,
    onTransition: (t) => changes.push(!t.up),
  });
  return { limiter, redis, fallback, changes };
}

async function timed(f: () => Promise<AcquireResult>): Promise<[AcquireResult, number]> {
  const t0 = performance.now();
  const r = await f();
  return [r, performance.now() - t0];
}

const lease = (r: AcquireResult): Lease => {
  assert.equal(r.kind, "granted", JSON.stringify(r));
  return (r as { lease: Lease }).lease;
};

Deno.test("Redis paused (CLIENT PAUSE): answers within 300 ms per policy; reconciled after", async () => {
  const server = await startRedis();
  const admin = connectRedis(server.url, 5000);
  const local = resilient(server.url, "local");
  const deny = resilient(server.url, "deny");
  try {
    for (const r of [admin, local.redis.redis, deny.redis.redis]) {
      assert.ok(await whenReady(r, 3000));
    }
    const before = lease(await local.limiter.acquire({ class: "batch", user: "held" }));
    await admin.call("CLIENT", "PAUSE", "1000", "ALL");
    const [l, lms] = await timed(() => local.limiter.acquire({ class: "batch", user: "p1" }));
    assert.ok(lms < 300, `local answered in ${lms} ms`);
    const fromFallback = lease(l);
    assert.equal(local.limiter.fallbackActive, true);
    assert.deepEqual(local.changes, [true]);
    assert.equal(local.fallback.held("batch").length, 1);
    const [d, dms] = await timed(() => deny.limiter.acquire({ class: "batch", user: "p2" }));
    assert.ok(dms < 300, `deny answered in ${dms} ms`);
    assert.equal(d.kind, "error");
    const ctx = { limits: LIMITS, holdTimes: new HoldTimes() };
    assert.throws(
      () => grantedOrThrow(d, "batch", "p2", ctx),
      (e) => e instanceof GatewayError && e.code === "limiter_unavailable" && e.retryAfter! >= 1,
    );
    assert.equal((await local.limiter.renew(before.id)).kind, "error", "renew cannot reach Redis");
    await sleep(1100); // the pause ends
    // The next call reconciles first: the fallback lease is written back to Redis.
    const renewed = await local.limiter.renew(fromFallback.id);
    assert.equal(renewed.kind, "renewed");
    assert.equal(local.limiter.fallbackActive, false);
    assert.equal(local.fallback.held().length, 0, "moved from the fallback to Redis");
    // The deny replica's acquire timed out but landed once the pause ended; its next call
    // to Redis releases it first.
    const later = lease(await deny.limiter.acquire({ class: "analysis", user: "later" }));
    await deny.limiter.release(later.id);
    const members = await admin.zrange("spotgate:{lim}:batch:all", 0, -1);
    assert.deepEqual(members.sort(), [before.id, fromFallback.id].sort());
    assert.equal(await admin.exists(`spotgate:{lim}:lease:${fromFallback.id}`), 1);
    assert.equal((await local.limiter.acquire({ class: "batch", user: "p1" })).kind, "denied");
    for (const id of [before.id, fromFallback.id]) await local.limiter.release(id);
    assert.deepEqual(await admin.keys("*"), [], "timed-out acquires left nothing behind");
  } finally {
    await local.redis.close();
    await deny.redis.close();
    admin.disconnect();
    await server.stop();
  }
});

Deno.test("Redis stopped: fallback or 503 at once; restarted: leases and releases written back", async () => {
  let server = await startRedis();
  const port = server.port;
  const local = resilient(server.url, "local");
  const deny = resilient(server.url, "deny");
  let admin = connectRedis(server.url, 5000);
  try {
    for (const r of [admin, local.redis.redis, deny.redis.redis]) {
      assert.ok(await whenReady(r, 3000));
    }
    const kept = lease(await local.limiter.acquire({ class: "batch", user: "kept" }));
    const dropped = lease(await local.limiter.acquire({ class: "batch", user: "dropped" }));
    admin.disconnect();
    await server.stop();
    const [l, lms] = await timed(() => local.limiter.acquire({ class: "batch", user: "s1" }));
    assert.ok(lms < 300, `local answered in ${lms} ms`);
    const taken = lease(l);
    const [d, dms] = await timed(() => deny.limiter.acquire({ class: "batch", user: "s2" }));
    assert.ok(dms < 300 && d.kind === "error", `deny answered ${d.kind} in ${dms} ms`);
    assert.equal((await local.limiter.release(dropped.id)).kind, "released", "queued for Redis");
    assert.equal((await local.limiter.renew(kept.id)).kind, "error");
    const fast = await timed(() => local.limiter.acquire({ class: "batch", user: "s3" }));
    assert.ok(fast[1] < 300);
    lease(fast[0]);
    const full = await local.limiter.acquire({ class: "batch", user: "s4" });
    assert.equal(full.kind === "denied" && full.scope, "global", "fallback global = its share");
    server = await startRedis(port);
    admin = connectRedis(server.url, 5000);
    assert.ok(await whenReady(admin, 3000));
    let renewed = await local.limiter.renew(kept.id);
    for (let i = 0; i < 40 && renewed.kind === "error"; i++) {
      await sleep(100); // ioredis reconnects (≤ 1 s backoff); the breaker lets a probe through
      renewed = await local.limiter.renew(kept.id);
    }
    assert.equal(renewed.kind, "renewed", "a lease held through the outage is written back");
    const members = (await admin.zrange("spotgate:{lim}:batch:all", 0, -1)).sort();
    assert.equal(members.length, 3);
    assert.ok(
      members.includes(kept.id) && members.includes(taken.id) && !members.includes(dropped.id),
    );
    assert.equal(local.limiter.fallbackActive, false);
    assert.deepEqual(local.changes, [true, false]);
  } finally {
    await local.redis.close();
    await deny.redis.close();
    admin.disconnect();
    await server.stop();
  }
});

Deno.test("Redis gone: the outage queue holds only what reached Redis, never one id per request", async () => {
  const { limiter, redis } = resilient("redis://127.0.0.1:1", "local");
  try {
    const leases: Lease[] = [];
    for (let i = 0; i < 200; i++) {
      leases.push(lease(await limiter.acquire({ class: "analysis", user: `u${i % 3}` })));
      await limiter.release(leases.at(-1)!.id);
    }
    assert.equal(limiter.fallbackActive, true);
    // The breaker opens after 5 failed calls; what it refused never left the process.
    assert.ok(limiter.pendingReleases <= 10, `${limiter.pendingReleases} releases queued`);
  } finally {
    redis.redis.disconnect();
  }
});

Deno.test("UnsentReleases is bounded: the oldest goes first", () => {
  const q = new UnsentReleases();
  for (let i = 0; i < MAX_UNSENT + 5; i++) q.add(`id-${i}`);
  assert.equal(q.size, MAX_UNSENT);
  assert.equal(q.list()[0], "id-5");
  q.delete("id-5");
  assert.equal(q.size, MAX_UNSENT - 1);
});
