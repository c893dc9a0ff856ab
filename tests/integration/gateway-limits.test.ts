import assert from "node:assert/strict";
import { RedisLimiter } from "../../src/limits/redis.ts";
import { connectRedis, whenReady } from "../../src/limits/redis-client.ts";
import { setFault, START, startFaultSpot, startGateway, streamUrl } from "../helpers/cluster.ts";
import { startRedis } from "../helpers/redis.ts";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

Deno.test("gateway limits on Redis: 429 per user, 503 global, lease API, SIGKILL frees slots within TTL + 1 s", async () => {
  const redis = await startRedis();
  const spot = await startFaultSpot();
  await setFault(spot, "ok", 0, 400); // long streams: 20 events × 400 ms
  const gw = await startGateway({ spot }, {
    REDIS_URL: redis.url,
    LEASE_TTL: "3",
    ANALYSIS_USER_LIMIT: "1",
    ANALYSIS_GLOBAL_LIMIT: "3",
  });
  const probe = new RedisLimiter({
    redis: connectRedis(redis.url, 2000),
    limits: { analysis: { user: 1, global: 3 }, batch: { user: 1, global: 3 } },
  });
  const open: ReadableStreamDefaultReader<Uint8Array>[] = [];
  const stream = async (user: string) => {
    const res = await fetch(streamUrl(gw.url, START, 20), { headers: { "X-User-ID": user } });
    if (res.status === 200) (open.push(res.body!.getReader()), await open.at(-1)!.read());
    return res;
  };
  try {
    assert.ok(await whenReady(probe.redis, 3000));
    assert.equal((await stream("alice")).status, 200);
    const again = await stream("alice");
    assert.equal(again.status, 429);
    assert.ok(Number(again.headers.get("retry-after")) >= 1);
    assert.match(again.headers.get("ratelimit-policy") ?? "", /q=1/);
    const body = await again.json();
    assert.equal(body.error.code, "user_concurrency_limit");
    assert.ok(body.correlation_id);
    assert.equal((await stream("bob")).status, 200);
    assert.equal((await stream("carol")).status, 200);
    const full = await stream("dave");
    assert.equal(full.status, 503);
    assert.equal((await full.json()).error.code, "capacity_exhausted");
    assert.doesNotMatch(
      full.headers.get("ratelimit-policy") ?? "",
      /q=3/,
      "global capacity undisclosed",
    );

    const lease = await fetch(`${gw.url}/v1/leases`, {
      method: "POST",
      body: JSON.stringify({ user_id: "erin", class: "batch" }),
      headers: { "content-type": "application/json" },
    });
    assert.equal(lease.status, 201);
    const { lease_id, ttl_s } = await lease.json();
    assert.equal(ttl_s, 3);
    const second = await fetch(`${gw.url}/v1/leases`, {
      method: "POST",
      body: JSON.stringify({ user_id: "erin", class: "batch" }),
      headers: { "content-type": "application/json" },
    });
    assert.equal(second.status, 429);
    assert.match((await second.json()).error.message, new RegExp(lease_id));
    assert.equal(
      (await fetch(`${gw.url}/v1/leases/${lease_id}/renew`, { method: "POST" })).status,
      200,
    );
    const healthz = await (await fetch(`${gw.url}/healthz`)).json();
    assert.equal(healthz.limiter.backend, "redis");
    assert.equal(healthz.limiter.redis, "ok");

    await sleep(6000); // two TTLs: the gateway renews what it holds
    const held = await probe.acquire({ class: "analysis", user: "probe" });
    assert.equal(held.kind === "denied" && held.scope, "global", "the three streams still hold");
    await gw.stop("SIGKILL");
    const killedAt = performance.now();
    let freed = -1;
    while (performance.now() - killedAt < 6000) {
      const r = await probe.acquire({ class: "analysis", user: "probe" });
      if (r.kind === "granted") {
        freed = performance.now() - killedAt;
        await probe.release(r.lease.id);
        break;
      }
      await sleep(50);
    }
    assert.ok(freed >= 0 && freed <= 4000, `freed after ${Math.round(freed)} ms`);
    await sleep(Math.max(0, killedAt + 4000 - performance.now()));
    const batch = await probe.acquire({ class: "batch", user: "erin" });
    assert.equal(batch.kind, "granted", "the killed gateway's batch lease expired too");
    if (batch.kind === "granted") await probe.release(batch.lease.id);
  } finally {
    for (const s of open) await s.cancel().catch(() => {});
    await gw.stop();
    await spot.stop();
    await probe.close();
    await redis.stop();
  }
});
