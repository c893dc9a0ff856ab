/**
 * Benchmark scenarios with more than one spot: failover under load, spread, real engine. They
 * measure routing, so the position cache is off (it would answer their repeated positions).
 */
import {
  faultStats,
  type Server,
  setFault,
  startFaultSpot,
  startGateway,
} from "../tests/helpers/cluster.ts";
import { positions } from "./positions.ts";
import { waitForOk } from "../tests/helpers/procs.ts";
import { median, percentiles, postOnce, round, streamOnce, streamUrl } from "./load.ts";

type Track = <T extends Server>(s: T) => T;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Two spots, streams at a fixed rate; one spot SIGKILLed at `killAt` s, restarted at `backAt` s. */
export async function failover(
  [secs, killAt, backAt]: [number, number, number],
  track: Track,
): Promise<Record<string, unknown>> {
  const a = track(await startFaultSpot({ delayMs: 10 })),
    b = track(await startFaultSpot({ delayMs: 10 }));
  const gw = track(await startGateway({ a, b }, { LOG_LEVEL: "warn", CACHE: "off" }));
  const rate = 20, results: { at: number; ms: number; ok: boolean }[] = [];
  const t0 = performance.now(), pending: Promise<void>[] = [];
  let restarted: Server | undefined, backAtMs = 0, trafficAgainMs: number | undefined;
  for (let i = 0; i < secs * rate; i++) {
    const due = t0 + (i * 1000) / rate;
    if (due - performance.now() > 1) await sleep(due - performance.now());
    const at = (performance.now() - t0) / 1000;
    if (at >= killAt && !results.some((r) => r.at < 0)) {
      results.push({ at: -1, ms: 0, ok: true }); // marker: the kill happened
      await b.stop("SIGKILL");
    }
    if (at >= backAt && !restarted) {
      restarted = track(await startFaultSpot({ delayMs: 10, port: b.port }));
      backAtMs = performance.now();
    }
    if (restarted && trafficAgainMs === undefined && (await faultStats(restarted)).stream > 0) {
      trafficAgainMs = performance.now() - backAtMs;
    }
    pending.push(
      streamOnce(streamUrl(gw.url, 10)).then(
        (r) => void results.push({ at, ms: r.total, ok: true }),
        () => void results.push({ at, ms: 0, ok: false }),
      ),
    );
  }
  await Promise.all(pending);
  const real = results.filter((r) => r.at >= 0);
  const during = real.filter((r) => r.at >= killAt && r.at < backAt).map((r) => r.ms);
  return {
    streams: real.length,
    client_failures: real.filter((r) => !r.ok).length,
    p99_stream_ms_during_kill: percentiles(during).p99,
    p99_stream_ms_overall: percentiles(real.map((r) => r.ms)).p99,
    restarted_spot_takes_traffic_after_ms: trafficAgainMs === undefined
      ? null
      : round(trafficAgainMs),
  };
}

/** One spot made 5× slower: the share of requests each spot gets. */
export async function spread(track: Track): Promise<Record<string, unknown>> {
  const fast = track(await startFaultSpot({ delayMs: 4 })),
    slow = track(await startFaultSpot({ delayMs: 4 }));
  await setFault(slow, "slow", 0, 4);
  const gw = track(await startGateway({ fast, slow }, { LOG_LEVEL: "warn", CACHE: "off" }));
  const counts: Record<string, number> = {};
  let next = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next++ < 400) {
      const res = await fetch(`${gw.url}/analyze`, {
        method: "POST",
        body: JSON.stringify({ fen: START, depth: 2 }),
      });
      await res.arrayBuffer();
      const spot = res.headers.get("x-engine-spot") ?? "error";
      counts[spot] = (counts[spot] ?? 0) + 1;
    }
  }));
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    requests: total,
    share: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, round(v / total)])),
  };
}

const START = "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1";

/**
 * Real Stockfish: positions at `depth` through the gateway over two spots vs one spot directly,
 * in `rounds` rounds that alternate which goes first. Every run gets freshly started spots: a
 * spot keeps its engine's hash table between requests, so a spot that had seen the positions
 * would answer them faster and favour whichever run came second.
 */
export async function realEngine(
  fens: string[],
  depth: number,
  track: Track,
  startSpot: (o: { engines: number; queue: number }) => Promise<Server>,
  rounds = 3,
): Promise<Record<string, unknown>> {
  const warm = positions(4, 7).filter((f) => !fens.includes(f));
  const run = async (base: string, ready = "/health") => {
    // Warm-up on other positions: engines just started, and the gateway's spots pass their
    // first health check, before the clock starts.
    await waitForOk(`${base}${ready}`);
    await Promise.all(warm.map((fen) => postOnce(base, 8, fen)));
    let i = 0;
    const t = performance.now();
    await Promise.all(Array.from({ length: 4 }, async () => {
      while (i < fens.length) await postOnce(base, depth, fens[i++]!);
    }));
    return fens.length / ((performance.now() - t) / 1000);
  };
  const spot = async () => track(await startSpot({ engines: 1, queue: 64 }));
  const direct = async () => {
    const one = await spot();
    const pps = await run(one.url);
    await one.stop("SIGKILL");
    return pps;
  };
  const through = async () => {
    const one = await spot(), two = await spot();
    const env = { LOG_LEVEL: "warn", SPOT_REQUEST_TIMEOUT: "120", CACHE: "off" };
    const gw = track(await startGateway({ one, two }, env));
    const pps = await run(gw.url, "/readyz");
    for (const s of [gw, one, two]) await s.stop("SIGKILL");
    return pps;
  };
  const d: number[] = [], g: number[] = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) d.push(await direct()), g.push(await through());
    else g.push(await through()), d.push(await direct());
  }
  return {
    positions: fens.length,
    depth,
    rounds,
    one_spot_direct_pps: round(median(d)),
    two_spots_gateway_pps: round(median(g)),
    speedup: round(median(g.map((x, i) => x / d[i]!))),
    speedup_rounds: g.map((x, i) => round(x / d[i]!)),
  };
}

/**
 * What admission costs: sequential requests from identified users through a gateway with the
 * Redis limiter, with the memory limiter, and with no limit applying (anonymous, global off).
 */
export async function limiterCost(
  n: number,
  track: Track,
  startRedis: () => Promise<{ url: string; stop: () => Promise<void> }>,
): Promise<Record<string, unknown>> {
  const spot = track(await startFaultSpot({ delayMs: 0 }));
  await setFault(spot, "ok", 0, 0);
  const redis = await startRedis();
  const out: Record<string, unknown> = {};
  try {
    for (
      const [name, env, user] of [
        ["none", {}, false],
        ["memory", {}, true],
        ["redis", { REDIS_URL: redis.url }, true],
      ] as const
    ) {
      const gw = track(await startGateway({ spot }, { LOG_LEVEL: "warn", CACHE: "off", ...env }));
      for (let i = 0; i < 100; i++) await postOnce(gw.url, 3, START, user ? `warm${i}` : undefined);
      const lat: number[] = [];
      for (let i = 0; i < n; i++) {
        lat.push(await postOnce(gw.url, 3, START, user ? `u${i % 50}` : undefined));
      }
      out[name] = percentiles(lat);
      await gw.stop();
    }
  } finally {
    await redis.stop();
  }
  const p50 = (k: string) => (out[k] as { p50: number }).p50;
  return {
    ...out,
    added_p50_ms_memory: round(p50("memory") - p50("none")),
    added_p50_ms_redis: round(p50("redis") - p50("none")),
  };
}
