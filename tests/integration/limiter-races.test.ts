import assert from "node:assert/strict";
import { RedisLimiter } from "../../src/limits/redis.ts";
import { connectRedis, whenReady } from "../../src/limits/redis-client.ts";
import { startRedis } from "../helpers/redis.ts";

const LIMITS = { analysis: { user: 4, global: 0 }, batch: { user: 1, global: 3 } };

Deno.test("races on a real Redis: the Lua acquire never over-grants", async (t) => {
  const server = await startRedis();
  // Five separate connections, as five gateway replicas would have.
  const limiters = Array.from(
    { length: 5 },
    () => new RedisLimiter({ redis: connectRedis(server.url, 2000), limits: LIMITS }),
  );
  try {
    for (const l of limiters) assert.ok(await whenReady(l.redis, 3000));
    await t.step(
      "300 parallel acquires, 5 connections, 50 users, global 3: exactly 3 (x20)",
      async () => {
        for (let rep = 0; rep < 20; rep++) {
          const results = await Promise.all(
            Array.from(
              { length: 300 },
              (_, i) => limiters[i % 5]!.acquire({ class: "batch", user: `user-${i % 50}` }),
            ),
          );
          const granted = results.filter((r) => r.kind === "granted");
          assert.equal(granted.length, 3, `repetition ${rep}`);
          assert.equal(results.filter((r) => r.kind === "error").length, 0);
          assert.equal(new Set(granted.map((g) => g.kind === "granted" && g.lease.user)).size, 3);
          for (const g of granted) if (g.kind === "granted") await limiters[0]!.release(g.lease.id);
        }
      },
    );
    await t.step("one user, 100 parallel: exactly 1", async () => {
      const results = await Promise.all(
        Array.from(
          { length: 100 },
          (_, i) => limiters[i % 5]!.acquire({ class: "batch", user: "solo" }),
        ),
      );
      const granted = results.filter((r) => r.kind === "granted");
      assert.equal(granted.length, 1);
      const denied = results.filter((r) => r.kind === "denied");
      assert.equal(denied.length, 99);
      assert.ok(denied.every((d) => d.kind === "denied" && d.scope === "user"));
      for (const g of granted) if (g.kind === "granted") await limiters[1]!.release(g.lease.id);
    });
    assert.deepEqual(await limiters[0]!.redis.keys("*"), [], "nothing left once all released");
  } finally {
    for (const l of limiters) await l.close();
    await server.stop();
  }
});
