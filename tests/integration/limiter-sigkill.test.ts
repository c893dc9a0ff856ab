import assert from "node:assert/strict";
import { RedisLimiter } from "../../src/limits/redis.ts";
import { connectRedis, whenReady } from "../../src/limits/redis-client.ts";
import { freePort, startDeno, waitForOk } from "../helpers/procs.ts";
import { startRedis } from "../helpers/redis.ts";

const TTL = 1500;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

Deno.test("a server SIGKILLed while holding leases: its slots are free within TTL + 1 s", async () => {
  const redis = await startRedis();
  const port = freePort();
  const base = `http://127.0.0.1:${port}`;
  const proc = startDeno("tests/fixtures/lease-holder.ts", [], {
    PORT: String(port),
    REDIS_URL: redis.url,
    LEASE_TTL_MS: String(TTL),
  });
  const probe = new RedisLimiter({
    redis: connectRedis(redis.url, 2000),
    limits: { analysis: { user: 1, global: 3 }, batch: { user: 1, global: 3 } },
  });
  const streams: ReadableStreamDefaultReader<Uint8Array>[] = [];
  try {
    await waitForOk(`${base}/health`, proc);
    assert.ok(await whenReady(probe.redis, 3000));
    for (const user of ["a", "b", "c"]) {
      const res = await fetch(`${base}/analyze/stream`, { headers: { "X-User-ID": user } });
      assert.equal(res.status, 200);
      streams.push(res.body!.getReader());
      await streams.at(-1)!.read();
    }
    await sleep(TTL * 2); // the holder renews every TTL/3: still held after two TTLs
    const busy = await probe.acquire({ class: "analysis", user: "probe" });
    assert.equal(busy.kind === "denied" && busy.scope, "global", "the three streams still hold");
    proc.child.kill("SIGKILL");
    const killedAt = performance.now();
    await proc.stop("SIGKILL");
    let freed = -1;
    while (performance.now() - killedAt < TTL + 3000) {
      const r = await probe.acquire({ class: "analysis", user: "probe" });
      if (r.kind === "granted") {
        freed = performance.now() - killedAt;
        await probe.release(r.lease.id);
        break;
      }
      await sleep(50);
    }
    assert.ok(freed >= 0 && freed <= TTL + 1000, `freed after ${Math.round(freed)} ms`);
    await sleep(Math.max(0, killedAt + TTL + 1000 - performance.now()));
    const users = ["x", "y", "z"];
    const after = await Promise.all(
      users.map((user) => probe.acquire({ class: "analysis", user })),
    );
    assert.ok(after.every((r) => r.kind === "granted"), "all three slots are free by TTL + 1 s");
    for (const r of after) if (r.kind === "granted") await probe.release(r.lease.id);
    assert.deepEqual(await probe.redis.keys("*"), [], "nothing of the killed server is left");
  } finally {
    for (const s of streams) await s.cancel().catch(() => {});
    await proc.stop("SIGKILL");
    await probe.close();
    await redis.stop();
  }
});
