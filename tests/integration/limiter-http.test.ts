import assert from "node:assert/strict";
import { connectRedis, whenReady } from "../../src/limits/redis-client.ts";
import { freePort, type Proc, startDeno, waitForOk } from "../helpers/procs.ts";
import { type RedisServer, startRedis } from "../helpers/redis.ts";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function serve(redis: RedisServer, env: Record<string, string> = {}) {
  const port = freePort();
  const proc: Proc = startDeno("tests/fixtures/lease-holder.ts", [], {
    PORT: String(port),
    REDIS_URL: redis.url,
    ...env,
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForOk(`${base}/health`, proc);
  return { base, proc };
}

const take = (base: string, user: string) =>
  fetch(`${base}/v1/leases`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ user_id: user, class: "batch" }),
  });

Deno.test("HTTP on Redis: 429 and 503 with headers; a disconnecting client frees its slot; no key left", async () => {
  const redis = await startRedis();
  const admin = connectRedis(redis.url, 2000);
  const { base, proc } = await serve(redis);
  try {
    assert.ok(await whenReady(admin, 3000));
    const leases = [];
    for (const u of ["a", "b", "c"]) {
      const r = await take(base, u);
      assert.equal(r.status, 201);
      leases.push((await r.json()).lease_id as string);
    }
    const r429 = await take(base, "a");
    assert.equal(r429.status, 429);
    const retry = Number(r429.headers.get("retry-after"));
    assert.ok(retry >= 1 && retry <= 60);
    assert.equal(
      r429.headers.get("ratelimit-policy"),
      '"batch-per-user";q=1;qu="concurrent-requests"',
    );
    assert.equal(r429.headers.get("ratelimit"), `"batch-per-user";r=0;t=${retry}`);
    const b429 = await r429.json();
    assert.equal(b429.error.code, "user_concurrency_limit");
    assert.ok(b429.error.message.includes(`(lease ${leases[0]})`));
    const r503 = await take(base, "d");
    assert.equal(r503.status, 503);
    assert.ok(Number(r503.headers.get("retry-after")) >= 1);
    assert.equal((await r503.json()).error.code, "capacity_exhausted");
    for (const id of leases) {
      const del = await fetch(`${base}/v1/leases/${id}`, { method: "DELETE" });
      assert.equal(del.status, 204);
      await del.body?.cancel();
    }
    // A stream client that goes away: the server sees the cancel and releases the slot.
    const ac = new AbortController();
    const res = await fetch(`${base}/analyze/stream`, {
      headers: { "X-User-ID": "s" },
      signal: ac.signal,
    });
    const reader = res.body!.getReader();
    await reader.read();
    assert.equal(await admin.zcard("spotgate:{lim}:analysis:all"), 1);
    const second = await fetch(`${base}/analyze/stream`, { headers: { "X-User-ID": "s" } });
    assert.equal(second.status, 429, "the user's one analysis slot is taken");
    await second.body?.cancel();
    ac.abort();
    await reader.cancel().catch(() => {});
    let left = 1;
    for (let i = 0; i < 40 && left > 0; i++) {
      await sleep(50);
      left = (await admin.keys("*")).length;
    }
    assert.equal(left, 0, "no key is left in Redis once everything is released");
  } finally {
    await proc.stop();
    admin.disconnect();
    await redis.stop();
  }
});

Deno.test("HTTP with LIMITER_ON_REDIS_DOWN=deny and Redis stopped: 503 limiter_unavailable fast", async () => {
  const redis = await startRedis();
  const { base, proc } = await serve(redis, { LIMITER_ON_REDIS_DOWN: "deny" });
  try {
    await redis.stop();
    const t0 = performance.now();
    const res = await take(base, "u");
    const ms = performance.now() - t0;
    assert.equal(res.status, 503);
    assert.ok(ms < 300, `answered in ${ms} ms`);
    assert.equal(res.headers.get("retry-after"), "5");
    const body = await res.json();
    assert.equal(body.error.code, "limiter_unavailable");
    assert.match(body.error.message, /cannot reach Redis/);
    const stream = await fetch(`${base}/analyze/stream`, { headers: { "X-User-ID": "v" } });
    assert.equal(stream.status, 503);
    await stream.body?.cancel();
  } finally {
    await proc.stop();
  }
});
