/**
 * `deno task bench [--quick]`: what the gateway costs and what it saves, measured on this
 * machine over loopback. Writes bench/results/latest.{md,json} and prints the summary.
 * Everything it starts is stopped by PID; every loop is bounded in count and time.
 */
import {
  type Server,
  setFault,
  startFaultSpot,
  startGateway,
  startSpot,
} from "../tests/helpers/cluster.ts";
import {
  cpuOf,
  fixedRate,
  maxThroughput,
  median,
  percentiles,
  postOnce,
  round,
  rssOf,
  streamOnce,
  streamUrl,
} from "./load.ts";
import { positions } from "./positions.ts";
import { startRedis } from "../tests/helpers/redis.ts";
import { writeReport } from "./report.ts";

const quick = Deno.args.includes("--quick");
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
  };
const results: Record<string, unknown> = { quick, started: new Date().toISOString() };
const servers: Server[] = [];
const track = <T extends Server>(s: T) => (servers.push(s), s);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function proxyCost() {
  const spot = track(await startFaultSpot({ delayMs: 0 }));
  await setFault(spot, "ok", 0, 0);
  const gw = track(await startGateway({ fast: spot }, { LOG_LEVEL: "warn" }));
  await sleep(500);
  const idleRss = rssOf(gw.proc.pid);
  for (let i = 0; i < 200; i++) await postOnce(gw.url); // warm up both paths
  const rounds: Record<string, number[]> = {};
  const add = (k: string, v: number) => (rounds[k] ??= []).push(v);
  for (let r = 0; r < Q.rounds; r++) {
    add("direct_rps", await maxThroughput(spot.url, 32, Q.secs));
    const cpu0 = cpuOf(gw.proc.pid), t0 = performance.now();
    const rps = await maxThroughput(gw.url, 32, Q.secs);
    add("gateway_rps", rps);
    add(
      "gateway_cpu_us_per_req",
      ((cpuOf(gw.proc.pid) - cpu0) * 1e6) / (rps * (performance.now() - t0) / 1000),
    );
    const d = await fixedRate(spot.url, Q.rate, Q.rateSecs),
      g = await fixedRate(gw.url, Q.rate, Q.rateSecs);
    add("direct_p50_ms", d.p50),
      add("direct_p99_ms", d.p99),
      add("gateway_p50_ms", g.p50),
      add("gateway_p99_ms", g.p99);
    add("fixed_rate_failures", d.failures + g.failures);
    for (const [name, base] of [["direct", spot.url], ["gateway", gw.url]] as const) {
      const ttfe: number[] = [];
      const t = performance.now();
      for (let i = 0; i < Q.streams; i++) ttfe.push((await streamOnce(streamUrl(base, 5))).ttfe);
      const p = percentiles(ttfe);
      add(`${name}_ttfe_p50_ms`, p.p50), add(`${name}_ttfe_p99_ms`, p.p99);
      add(`${name}_streams_per_s`, Q.streams / ((performance.now() - t) / 1000));
    }
  }
  const med = Object.fromEntries(Object.entries(rounds).map(([k, v]) => [k, round(median(v))]));
  results.proxy = { ...med, rounds, throughput_ratio: round(med.gateway_rps! / med.direct_rps!) };
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

await import("./scenarios.ts").then(async (s) => {
  try {
    await proxyCost();
    results.failover = await s.failover(Q.fail as [number, number, number], track);
    results.spread = await s.spread(track);
    results.limiter = await s.limiterCost(quick ? 200 : 2000, track, startRedis);
    results.engine = await s.realEngine(positions(Q.n), Q.depth, track, startSpot);
  } finally {
    for (const srv of servers) await srv.stop("SIGKILL").catch(() => {});
  }
});
await writeReport(results);
