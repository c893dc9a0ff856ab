/**
 * `deno task bench [--quick]`: what the gateway costs and what it saves, measured on this
 * machine over loopback. Writes bench/results/latest.{md,json} and prints the summary.
 * Everything it starts is stopped by PID; every loop is bounded in count and time.
 */
import { type Server, setFault, startGateway, startSpot } from "../tests/helpers/cluster.ts";
import {
  cpuOf,
  fixedRate,
  maxThroughput,
  median,
  percentiles,
  round,
  rssOf,
  streamOnce,
  streamUrl,
} from "./load.ts";
import { positions } from "./positions.ts";
import { startRedis } from "../tests/helpers/redis.ts";
import { writeReport } from "./report.ts";
import { proxyTargets } from "./peers.ts";
import { loggingCost, streamCost } from "./stream-cost.ts";

const quick = Deno.args.includes("--quick");
// `--jobs`: only the game analysis job scenarios (report: bench/results/jobs.md).
const jobsOnly = Deno.args.includes("--jobs");
// `--streams`: only the stream-path and logging scenarios (report: bench/results/streams.md).
const streamsOnly = Deno.args.includes("--streams");
const Q = quick
  ? {
    rounds: 1,
    secs: 1,
    rate: 300,
    rateSecs: 1,
    streams: 60,
    open: 100,
    fail: [6, 2, 4],
    depth: 8,
    n: 6,
    jobs: { longPlies: 16, batchGames: 3, batchPlies: 10, phases: [4, 6], samples: 3 },
  }
  : {
    rounds: 3,
    secs: 3,
    rate: 1000,
    rateSecs: 3,
    streams: 300,
    open: 1000,
    fail: [20, 5, 12],
    depth: 12,
    n: 50,
    jobs: { longPlies: 80, batchGames: 20, batchPlies: 30, phases: [8, 14], samples: 10 },
  };
const results: Record<string, unknown> = {
  quick,
  ...(jobsOnly ? { only: "jobs" } : {}),
  ...(streamsOnly ? { only: "streams" } : {}),
  started: new Date().toISOString(),
};
const servers: Server[] = [];
const track = <T extends Server>(s: T) => (servers.push(s), s);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function proxyCost() {
  // The cache off: every request reaches the spot (the cache's own figures: bench/cache.ts).
  const { spot, gw, bare, peers } = await proxyTargets(track);
  await sleep(500);
  const idleRss = rssOf(gw.proc.pid);
  const targets = [["direct", spot], ["gateway", gw], ["bare", bare], ...peers] as const;
  // Warm-up: a few hundred sequential requests leave V8 interpreting the hot path; measured,
  // the first loaded seconds cost 1.5× the CPU of the steady state that follows.
  for (const [, { url }] of targets) {
    await maxThroughput(url, 32, quick ? 0.5 : 2);
    for (let i = 0; i < (quick ? 10 : 100); i++) await streamOnce(streamUrl(url, 5));
  }
  const rounds: Record<string, number[]> = {};
  const add = (k: string, v: number) => (rounds[k] ??= []).push(v);
  // Each round measures direct, the gateway and the bare proxy one after another, so a slow
  // moment of the machine touches all three alike; medians over the rounds are reported.
  for (let r = 0; r < Q.rounds; r++) {
    for (const [name, { url: base, proc }] of targets) {
      const cpu0 = cpuOf(proc.pid), t0 = performance.now();
      const rps = await maxThroughput(base, 32, Q.secs);
      add(`${name}_rps`, rps);
      const cpuUs = ((cpuOf(proc.pid) - cpu0) * 1e6) / (rps * (performance.now() - t0) / 1000);
      if (name !== "direct") add(`${name}_cpu_us_per_req`, cpuUs);
      const f = await fixedRate(base, Q.rate, Q.rateSecs);
      add(`${name}_p50_ms`, f.p50), add(`${name}_p99_ms`, f.p99);
      add("fixed_rate_failures", f.failures);
    }
    // Streams alternate direct / gateway / bare one by one: the time to first event is a
    // fraction of a millisecond, smaller than the drift between back-to-back batches.
    const ttfe: Record<string, number[]> = {}, took: Record<string, number> = {};
    for (let i = 0; i < Q.streams; i++) {
      for (const [name, { url }] of targets) {
        const t = performance.now();
        (ttfe[name] ??= []).push((await streamOnce(streamUrl(url, 5))).ttfe);
        took[name] = (took[name] ?? 0) + performance.now() - t;
      }
    }
    for (const [name] of targets) {
      const p = percentiles(ttfe[name]!);
      add(`${name}_ttfe_p50_ms`, p.p50), add(`${name}_ttfe_p99_ms`, p.p99);
      add(`${name}_streams_per_s`, Q.streams / (took[name]! / 1000));
    }
  }
  const med = Object.fromEntries(Object.entries(rounds).map(([k, v]) => [k, round(median(v))]));
  results.proxy = {
    ...med,
    rounds,
    throughput_ratio: round(med.gateway_rps! / med.direct_rps!),
    bare_throughput_ratio: round(med.bare_rps! / med.direct_rps!),
    cpu_vs_bare: round(med.gateway_cpu_us_per_req! / med.bare_cpu_us_per_req!),
    peers: peers.map(([n]) => n),
  };
  results.memory = await memory(gw, spot, idleRss);
}

async function memory(gw: Server, spot: Server, idle: number) {
  const afterLoad = rssOf(gw.proc.pid);
  await setFault(spot, "ok", 0, 500);
  const ctl = new AbortController();
  const open = Array.from(
    { length: Q.open },
    () =>
      fetch(streamUrl(gw.url, 8), { signal: ctl.signal }).then((r) => r.body?.getReader().read())
        .catch(() => {}),
  );
  await Promise.all(open);
  await sleep(300);
  const loaded = rssOf(gw.proc.pid);
  ctl.abort();
  await setFault(spot, "ok", 0, 0);
  return {
    idle_rss_mb: round(idle / 2 ** 20),
    rss_after_load_mb: round(afterLoad / 2 ** 20),
    open_streams: Q.open,
    rss_with_streams_mb: round(loaded / 2 ** 20),
  };
}

/** Runs one scenario and then stops what it started, so no scenario runs beside another's. */
async function scenario<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } finally {
    for (const srv of servers.splice(0)) await srv.stop("SIGKILL").catch(() => {});
  }
}

const s = await import("./scenarios.ts");
if (!jobsOnly) {
  if (!streamsOnly) await scenario(proxyCost);
  results.streams = await scenario(() =>
    streamCost({ rounds: Q.rounds, streams: Q.streams, lagStreams: quick ? 3 : 20 }, track)
  );
  results.logging = await scenario(() => loggingCost({ rounds: Q.rounds, secs: Q.secs }, track));
}
if (!jobsOnly && !streamsOnly) {
  results.failover = await scenario(() => s.failover(Q.fail as [number, number, number], track));
  results.spread = await scenario(() => s.spread(track));
  results.limiter = await scenario(() => s.limiterCost(quick ? 200 : 2000, track, startRedis));
  const c = await import("./cache.ts");
  const hitLoad = quick ? { n: 200, secs: 1, rounds: 1 } : { n: 1000, secs: 3, rounds: 3 };
  results.cache = {
    coalesce: await scenario(() => c.coalesceK(50, track)),
    hit: await scenario(() => c.hitCost(hitLoad, track)),
    mix: await scenario(() => c.realisticMix(track)),
  };
  results.engine = await scenario(() =>
    s.realEngine(positions(Q.n), Q.depth, track, startSpot, Q.rounds)
  );
}
if (!streamsOnly) {
  const { jobScenarios } = await import("./jobs.ts");
  results.jobs = await scenario(() => jobScenarios({ ...Q.jobs, track, startSpot, startGateway }));
}
await writeReport(results);
