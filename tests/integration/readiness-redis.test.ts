import assert from "node:assert/strict";
import { connectRedis, whenReady } from "../../src/limits/redis-client.ts";
import { START, startFaultSpot, startGateway } from "../helpers/cluster.ts";
import { freePort, waitForOk } from "../helpers/procs.ts";
import { startRedis } from "../helpers/redis.ts";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The gateway's `warn` lines about Redis, parsed from its JSON log. */
function redisWarnings(output: string): { msg: string; [k: string]: unknown }[] {
  return output.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l))
    .filter((l) => l.level === "warn" && /^redis /.test(l.msg));
}

/** Waits (bounded) until `count` Redis warnings have been logged. */
async function untilWarnings(output: () => string, count: number, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (redisWarnings(output()).length < count && Date.now() < deadline) await sleep(100);
}

const analyze = (url: string, user: string) =>
  fetch(`${url}/analyze`, {
    method: "POST",
    headers: { "content-type": "application/json", "X-User-ID": user },
    body: JSON.stringify({ fen: START, depth: 2, multipv: 1 }),
  });

Deno.test("readiness: REDIS_URL at a closed port — /readyz 200, analyses through the fallback, one warn line", async () => {
  const spot = await startFaultSpot();
  const gw = await startGateway({ spot }, { REDIS_URL: `redis://127.0.0.1:${freePort()}` });
  try {
    await waitForOk(`${gw.url}/readyz`, gw.proc, 10_000);
    const res = await analyze(gw.url, "u1");
    assert.equal(res.status, 200, await res.text());
    await sleep(2500); // the 1 s probe keeps failing: still no second line
    const warnings = redisWarnings(gw.proc.output());
    assert.equal(warnings.length, 1, gw.proc.output());
    assert.match(warnings[0]!.msg, /redis unreachable: limiter fallback active/);
    const healthz = await (await fetch(`${gw.url}/healthz`)).json();
    assert.equal(healthz.limiter.backend, "fallback");
    assert.equal(healthz.limiter.fallback_active, true);
    assert.equal(healthz.limiter.redis, "unreachable");
    const metrics = await (await fetch(`${gw.url}/metrics`)).text();
    assert.match(metrics, /^spotgate_redis_up 0$/m);
    assert.match(metrics, /^spotgate_limiter_fallback_active 1$/m);
  } finally {
    await gw.stop();
    await spot.stop();
  }
});

Deno.test("readiness: LIMITER_ON_REDIS_DOWN=deny with Redis away — /readyz 503 naming Redis", async () => {
  const spot = await startFaultSpot();
  const gw = await startGateway({ spot }, {
    REDIS_URL: `redis://127.0.0.1:${freePort()}`,
    LIMITER_ON_REDIS_DOWN: "deny",
  });
  try {
    await waitForOk(`${gw.url}/healthz`, gw.proc);
    let ready = await fetch(`${gw.url}/readyz`);
    // Bounded: until the spot's first check has passed, the spot is a reason too.
    for (let i = 0; i < 50 && (await ready.clone().json()).reasons.length > 1; i++) {
      await sleep(100);
      ready = await fetch(`${gw.url}/readyz`);
    }
    assert.equal(ready.status, 503);
    assert.deepEqual((await ready.json()).reasons, [
      "redis: unreachable, and LIMITER_ON_REDIS_DOWN=deny refuses limited requests",
    ]);
    const refused = await analyze(gw.url, "u1");
    assert.equal(refused.status, 503);
    assert.equal((await refused.json()).error.code, "limiter_unavailable");
    const healthz = await (await fetch(`${gw.url}/healthz`)).json();
    assert.equal(healthz.limiter.backend, "unavailable");
    assert.equal(healthz.limiter.fallback_active, false);
    await untilWarnings(() => gw.proc.output(), 1, 5000); // log lines go out in batches
    assert.match(redisWarnings(gw.proc.output())[0]?.msg ?? "", /refused with 503/);
  } finally {
    await gw.stop();
    await spot.stop();
  }
});

Deno.test("readiness: redis-server paused (SIGSTOP) then resumed (SIGCONT) — one warn line each way, lease written back", async () => {
  const redis = await startRedis();
  const spot = await startFaultSpot();
  const gw = await startGateway({ spot }, { REDIS_URL: redis.url });
  const admin = connectRedis(redis.url, 5000);
  let paused = false;
  try {
    await waitForOk(`${gw.url}/readyz`, gw.proc, 10_000);
    assert.ok(await whenReady(admin, 3000));
    assert.equal(redisWarnings(gw.proc.output()).length, 0, "Redis up: nothing to warn about");
    assert.match(await (await fetch(`${gw.url}/metrics`)).text(), /^spotgate_redis_up 1$/m);
    Deno.kill(redis.proc.pid, "SIGSTOP");
    paused = true;
    await untilWarnings(() => gw.proc.output(), 1, 5000);
    const lease = await fetch(`${gw.url}/v1/leases`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user_id: "during-outage", class: "batch" }),
    });
    assert.equal(lease.status, 201, "the fallback grants it");
    const { lease_id } = await lease.json();
    assert.equal((await fetch(`${gw.url}/readyz`)).status, 200, "still ready: local fallback");
    await sleep(1200);
    Deno.kill(redis.proc.pid, "SIGCONT");
    paused = false;
    await untilWarnings(() => gw.proc.output(), 2);
    await sleep(1500); // probes go on: no further line
    const warnings = redisWarnings(gw.proc.output());
    assert.equal(warnings.length, 2, gw.proc.output());
    assert.match(warnings[0]!.msg, /^redis unreachable: limiter fallback active/);
    assert.equal(
      warnings[1]!.msg,
      "redis reachable again: limiter back on Redis, 1 lease written back",
    );
    assert.deepEqual(await admin.zrange("spotgate:{lim}:batch:all", 0, -1), [lease_id]);
    assert.match(await (await fetch(`${gw.url}/metrics`)).text(), /^spotgate_redis_up 1$/m);
  } finally {
    if (paused) Deno.kill(redis.proc.pid, "SIGCONT");
    admin.disconnect();
    await gw.stop();
    await spot.stop();
    await redis.stop();
  }
});
