import assert from "node:assert/strict";
import { Redis } from "ioredis";
import { normalizedPosition } from "../../src/cache/key.ts";
import { REDIS_PREFIX } from "../../src/cache/redis.ts";
import {
  faultStats,
  type Server,
  startFaultSpot,
  startGateway,
  streamUrl,
} from "../helpers/cluster.ts";
import { type RedisServer, startRedis } from "../helpers/redis.ts";
import { eventually } from "../helpers/sockets.ts";
import { analyze, POSITIONS, sleep, stream } from "./cache-helpers.ts";

/** Two gateways sharing one Redis, each over its own fault spot. */
async function withTwo(
  fn: (gws: Server[], spots: Server[], redis: RedisServer) => Promise<void>,
  delayMs = 20,
): Promise<void> {
  const redis = await startRedis();
  const started: Server[] = [];
  try {
    const spots = [await startFaultSpot({ delayMs }), await startFaultSpot({ delayMs })];
    started.push(...spots);
    const gws = [];
    for (const spot of spots) {
      gws.push(await startGateway({ a: spot }, { REDIS_URL: redis.url, LOG_LEVEL: "warn" }));
    }
    started.push(...gws);
    await fn(gws, spots, redis);
  } finally {
    for (const s of started.reverse()) await s.stop();
    await redis.stop();
  }
}

const stored = (fen: string, multipv: number) =>
  `${REDIS_PREFIX}:${multipv}:${normalizedPosition(fen)}`;

Deno.test("cache on Redis: two gateways share entries", async () => {
  await withTwo(async ([one, two], [, spotTwo]) => {
    const fen = POSITIONS[0]!;
    assert.equal((await analyze(one!.url, { fen, depth: 8, multipv: 2 })).cache, "miss");
    const hit = await eventually(
      () => analyze(two!.url, { fen, depth: 7, multipv: 1 }),
      (r) => r.cache === "hit",
      3000,
    );
    assert.equal(hit.cache, "hit");
    const s = await stream(streamUrl(two!.url, fen, 8, 2));
    assert.equal(s.cache, "hit");
    assert.deepEqual(s.events.map((e) => e.id), ["8.1", "8.2", "result"]);
    assert.deepEqual([(await faultStats(spotTwo!)).analyze, (await faultStats(spotTwo!)).stream], [
      0,
      0,
    ]);
    const health = (await (await fetch(`${two!.url}/healthz`)).json()).cache;
    assert.equal(health.backend, "redis");
    assert.equal(health.redis, "ok");
    assert.equal(health.entries, 2);
  });
});

Deno.test("cache on Redis: the deepest result survives concurrent writes of every depth from both gateways", async () => {
  await withTwo(async (gws, _spots, redis) => {
    const raw = new Redis(redis.url);
    try {
      for (let round = 0; round < 6; round++) {
        const fen = POSITIONS[round + 1]!;
        // Depths 1..16, half on each gateway, deepest first so shallower ones land later.
        const writes = Array.from({ length: 16 }, (_, i) => 16 - i).map((depth, i) =>
          analyze(gws[i % 2]!.url, { fen, depth, multipv: 2 }, { "Cache-Control": "no-cache" })
        );
        assert.ok((await Promise.all(writes)).every((r) => r.status === 200));
        // The stores are not awaited by the answers: wait for the deepest, then for the rest.
        const deepest = () => raw.hget(stored(fen, 2), "d");
        await eventually(deepest, (d) => d === "16", 3000);
        await sleep(200);
        for (const m of [1, 2]) {
          const [d, mpv] = await raw.hmget(stored(fen, m), "d", "m");
          assert.deepEqual([d, mpv], ["16", "2"], `round ${round}, multipv ${m}`);
        }
        for (const gw of gws) {
          const r = await analyze(gw.url, { fen, depth: 16, multipv: 2 });
          assert.equal(r.cache, "hit");
        }
      }
    } finally {
      raw.disconnect();
    }
  }, 0);
});

Deno.test("cache on Redis: Redis paused or stopped, analyses are answered by spots without waiting on it", async () => {
  await withTwo(async ([gw], [spot], redis) => {
    const raw = new Redis(redis.url);
    const timed = async (fen: string) => {
      const t = performance.now();
      const r = await analyze(gw!.url, { fen, depth: 3, multipv: 1 });
      return { ...r, ms: performance.now() - t };
    };
    try {
      const normal = [];
      for (const fen of POSITIONS.slice(0, 3)) normal.push((await timed(fen)).ms);
      await raw.call("CLIENT", "PAUSE", "4000", "ALL");
      const pausedAt = performance.now();
      const paused = [];
      for (const fen of POSITIONS.slice(3, 6)) paused.push(await timed(fen));
      assert.ok(paused.every((r) => r.status === 200 && r.cache === "miss"));
      assert.ok(performance.now() - pausedAt < 3000, "answered while Redis was still paused");
      // deno-lint-ignore no-console -- the figure the README reports
      console.log(
        `normal ${normal.map(Math.round)} ms; Redis paused ${
          paused.map((r) => Math.round(r.ms))
        } ms`,
      );
      await redis.stop();
      const down = await timed(POSITIONS[6]!);
      assert.deepEqual([down.status, down.cache], [200, "miss"]);
      const health = (await (await fetch(`${gw!.url}/healthz`)).json()).cache;
      assert.equal(health.redis, "unreachable");
      assert.equal((await faultStats(spot!)).analyze, 7);
    } finally {
      raw.disconnect();
    }
  });
});
