import assert from "node:assert/strict";
import type { ConcurrencyLimiter, Lease, Limits } from "../../../src/limits/limiter.ts";
import { MemoryLimiter } from "../../../src/limits/memory.ts";
import { RedisLimiter } from "../../../src/limits/redis.ts";
import { connectRedis, whenReady } from "../../../src/limits/redis-client.ts";
import { startRedis } from "../../helpers/redis.ts";

const LIMITS: Limits = { batch: { user: 1, global: 3 }, analysis: { user: 2, global: 0 } };
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

type Make = (ttlMs?: number) => Promise<ConcurrencyLimiter>;

async function granted(l: ConcurrencyLimiter, cls: "batch" | "analysis", user?: string) {
  const r = await l.acquire({ class: cls, user });
  assert.equal(r.kind, "granted", `expected a grant for ${user}, got ${JSON.stringify(r)}`);
  return (r as { lease: Lease }).lease;
}

/** The behaviour every backend keeps. */
async function contract(t: Deno.TestContext, make: Make): Promise<void> {
  await t.step("grant and deny per scope; the user is checked before the global set", async () => {
    const l = await make();
    const a = await granted(l, "batch", "alice");
    assert.equal(a.class, "batch");
    assert.equal(a.user, "alice");
    assert.ok(a.expiresAt - a.acquiredAt === 30_000 && a.ttl === 30_000);
    assert.deepEqual(await l.acquire({ class: "batch", user: "alice" }), {
      kind: "denied",
      scope: "user",
      userHeld: 1,
      userLeases: [a.id],
    });
    await granted(l, "batch", "bob");
    await granted(l, "batch", "carol");
    assert.deepEqual(await l.acquire({ class: "batch", user: "dave" }), {
      kind: "denied",
      scope: "global",
      userHeld: 0,
      userLeases: [],
    });
    const alice = await l.acquire({ class: "batch", user: "alice" });
    assert.equal(alice.kind === "denied" && alice.scope, "user", "user first, global full too");
    await granted(l, "analysis", "dave"); // classes are separate
  });
  await t.step("no user counts only globally; global 0 is off; users are separate", async () => {
    const l = await make();
    for (let i = 0; i < 12; i++) await granted(l, "analysis");
    await granted(l, "analysis", "u");
    await granted(l, "analysis", "u");
    const third = await l.acquire({ class: "analysis", user: "u" });
    assert.equal(third.kind === "denied" && third.userHeld, 2);
    await granted(l, "analysis", "u:x{lim}"); // odd characters stay one user's key
    const anon = await l.acquire({ class: "batch" });
    assert.equal(anon.kind, "granted");
  });
  await t.step("release is idempotent and frees the slot", async () => {
    const l = await make();
    const a = await granted(l, "batch", "erin");
    const r = await l.release(a.id);
    assert.equal(r.kind, "released");
    assert.equal(r.kind === "released" && r.lease.user, "erin");
    assert.deepEqual(await l.release(a.id), { kind: "absent" });
    assert.deepEqual(await l.release("no-such-lease"), { kind: "absent" });
    await granted(l, "batch", "erin");
  });
  await t.step("renew extends; an expired lease is lost and its slot free", async () => {
    const l = await make(400);
    const a = await granted(l, "batch", "fay");
    await sleep(250);
    const renewed = await l.renew(a.id);
    assert.equal(renewed.kind, "renewed");
    const lease = (renewed as { lease: Lease }).lease;
    assert.ok(lease.expiresAt > a.expiresAt && lease.user === "fay" && lease.class === "batch");
    await sleep(250); // past the first deadline, within the renewed one
    assert.equal((await l.acquire({ class: "batch", user: "fay" })).kind, "denied");
    await sleep(300);
    await granted(l, "batch", "gus"); // reaps fay's expired lease
    assert.deepEqual(await l.renew(a.id), { kind: "lost" });
    assert.deepEqual(await l.renew("no-such-lease"), { kind: "lost" });
    await granted(l, "batch", "fay");
  });
}

Deno.test("limiter contract: memory backend", async (t) => {
  let reaped = 0;
  await contract(t, (ttlMs) => {
    const onReaped = (n: number) => (reaped += n);
    return Promise.resolve(new MemoryLimiter({ limits: LIMITS, ttlMs, onReaped }));
  });
  assert.ok(reaped >= 1);
});

Deno.test("limiter contract: Redis backend on a real redis-server", async (t) => {
  const server = await startRedis();
  const admin = connectRedis(server.url);
  const opened: RedisLimiter[] = [];
  let reaped = 0, commands = 0;
  try {
    assert.ok(await whenReady(admin, 2000));
    await contract(t, async (ttlMs) => {
      await admin.flushall();
      const redis = connectRedis(server.url);
      assert.ok(await whenReady(redis, 2000));
      const onReaped = (n: number) => (reaped += n);
      const l = new RedisLimiter({
        redis,
        limits: LIMITS,
        ttlMs,
        onReaped,
        onCommand: () => commands++,
      });
      opened.push(l);
      return l;
    });
    assert.ok(reaped >= 1 && commands > 20);
  } finally {
    for (const l of opened) await l.close();
    admin.disconnect();
    await server.stop();
  }
});
