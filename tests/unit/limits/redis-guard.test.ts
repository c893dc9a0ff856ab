import assert from "node:assert/strict";
import { Redis } from "ioredis";
import { CircuitBreaker } from "../../../src/core/breaker.ts";
import { readEnv } from "../../../src/config/env.ts";
import { limiterNotReady } from "../../../src/gateway/limiter-setup.ts";
import { redisTransitionLine } from "../../../src/gateway/redis-log.ts";
import type { LimiterSetup } from "../../../src/limits/create.ts";
import { MemoryLimiter } from "../../../src/limits/memory.ts";
import { Reconciler } from "../../../src/limits/reconcile.ts";
import type { LimiterRedis } from "../../../src/limits/redis-client.ts";
import { RedisGuard, type RedisTransition } from "../../../src/limits/redis-guard.ts";
import { RedisProbe } from "../../../src/limits/redis-probe.ts";
import { RedisLimiter } from "../../../src/limits/redis.ts";

const LIMITS = { analysis: { user: 4, global: 0 }, batch: { user: 1, global: 3 } };

// A reconciler with nothing to write back never calls Redis: the client is never connected.
function reconciler(): Reconciler {
  const redis = new Redis({ lazyConnect: true }) as LimiterRedis;
  return new Reconciler(
    new RedisLimiter({ redis, limits: LIMITS }),
    new MemoryLimiter({ limits: LIMITS }),
  );
}

const failed = () => Promise.resolve({ kind: "error" as const, reason: "Command timed out" });
const ok = () => Promise.resolve({ kind: "ok" as const });

Deno.test("RedisGuard: one transition per change, however many calls fail or the circuit refuses", async () => {
  let now = 1_000;
  const seen: RedisTransition[] = [];
  const guard = new RedisGuard({
    reconciler: reconciler(),
    now: () => now,
    breaker: new CircuitBreaker({ baseCooldownMs: 1000, random: () => 0.5 }),
    onTransition: (t) => seen.push(t),
  });
  assert.equal(guard.up, true);
  assert.equal((await guard.run(ok)).kind, "ok");
  assert.deepEqual(seen, [], "up at start: nothing to report");
  for (let i = 0; i < 5; i++) {
    const r = await guard.run(failed);
    assert.equal(r.kind, "error");
  }
  assert.deepEqual(seen, [{ up: false, reason: "Command timed out" }]);
  const open = await guard.run(ok);
  assert.deepEqual(open, {
    kind: "error",
    reason: "Redis unavailable: Redis circuit open",
    unreached: true,
  }, "refused by the circuit: never sent to Redis");
  assert.equal(seen.length, 1, "the open circuit is the same outage");
  now += 2_000; // past the cool-down: the half-open probe goes through
  assert.equal((await guard.run(ok)).kind, "ok");
  assert.equal(guard.up, true);
  assert.deepEqual(seen[1], { up: true, writtenBack: 0, downMs: 2_000 });
  assert.equal((await guard.run(ok)).kind, "ok");
  assert.equal(seen.length, 2);
});

Deno.test("RedisGuard: down at start is reported at once", () => {
  const seen: RedisTransition[] = [];
  const guard = new RedisGuard({
    reconciler: reconciler(),
    up: false,
    onTransition: (t) => seen.push(t),
  });
  assert.equal(guard.up, false);
  assert.deepEqual(seen, [{ up: false, reason: "no connection at start" }]);
});

Deno.test("redisTransitionLine: what the policy does meanwhile; the leases written back", () => {
  const down = redisTransitionLine({ up: false, reason: "x" }, "local");
  assert.equal(
    down.msg,
    "redis unreachable: limiter fallback active (in-memory limits on this replica)",
  );
  assert.deepEqual(down.fields, { reason: "x", policy: "local" });
  assert.match(redisTransitionLine({ up: false }, "deny").msg, /refused with 503/);
  const back = redisTransitionLine({ up: true, writtenBack: 2, downMs: 3_456 }, "local");
  assert.equal(back.msg, "redis reachable again: limiter back on Redis, 2 leases written back");
  assert.deepEqual(back.fields, { leases_written_back: 2, down_s: 3.5, policy: "local" });
  assert.match(redisTransitionLine({ up: true, writtenBack: 1 }, "deny").msg, /1 lease written/);
});

Deno.test("limiterNotReady: only deny with Redis away keeps the gateway unready", () => {
  const setup = (up: boolean | undefined) => ({ redisUp: () => up }) as LimiterSetup;
  const local = readEnv({ REDIS_URL: "redis://x" });
  const deny = readEnv({ REDIS_URL: "redis://x", LIMITER_ON_REDIS_DOWN: "deny" });
  assert.equal(limiterNotReady(setup(false), local), undefined, "local: the fallback answers");
  assert.equal(limiterNotReady(setup(true), deny), undefined);
  assert.equal(limiterNotReady(setup(undefined), deny), undefined, "no Redis configured");
  assert.match(limiterNotReady(setup(false), deny)!, /^redis: unreachable/);
});

Deno.test("RedisProbe: one probe at a time; the timer probes until stopped", async () => {
  let calls = 0;
  let release = () => {};
  const probe = new RedisProbe(() => {
    calls++;
    return new Promise<void>((r) => (release = r));
  }, 10);
  const first = probe.tick();
  await probe.tick(); // skipped: the first is still out
  assert.equal(calls, 1);
  release();
  await first;
  probe.start();
  probe.start(); // idempotent
  await new Promise((r) => setTimeout(r, 35));
  release();
  probe.stop();
  probe.stop();
  const after = calls;
  await new Promise((r) => setTimeout(r, 30));
  assert.ok(after >= 2, `the timer probed (${after} calls)`);
  assert.equal(calls, after, "stopped");
});
