/**
 * The stream path against its peers: CPU per stream of 21 events and stream throughput, the
 * event lag (arrival minus the spot's send time, from a timestamp in each event) and the time
 * to first event on streams paced like an engine's; and what request logging costs.
 */
import { type Server, setFault, startFaultSpot, startGateway } from "../tests/helpers/cluster.ts";
import {
  cpuOf,
  maxThroughput,
  median,
  percentiles,
  round,
  rssOf,
  streamOnce,
  streamUrl,
} from "./load.ts";
import { proxyTargets } from "./peers.ts";

type Track = <T extends Server>(s: T) => T;

/** Events of one stream with their lag (ms), and its time to first event. */
async function lagged(url: string): Promise<{ ttfe: number; lags: number[] }> {
  const t = performance.now();
  const res = await fetch(url);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const lags: number[] = [];
  let ttfe = NaN;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    const now = performance.timeOrigin + performance.now();
    if (Number.isNaN(ttfe) && r.value.includes("event:")) ttfe = performance.now() - t;
    for (const m of r.value.matchAll(/"sent_at":([\d.]+)/g)) lags.push(now - Number(m[1]));
  }
  return { ttfe, lags };
}

/** `n` streams of `depth` events, 32 at a time; the target's CPU µs per stream and streams/s. */
async function streamLoad(target: Server, n: number, depth: number) {
  const cpu0 = cpuOf(target.proc.pid), t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (next++ < n) await streamOnce(streamUrl(target.url, depth));
  }));
  const secs = (performance.now() - t0) / 1000;
  return { cpuUs: ((cpuOf(target.proc.pid) - cpu0) * 1e6) / n, perSec: n / secs };
}

/** The stream scenario: direct, the gateway, the bare Deno proxy and the installed peers. */
export async function streamCost(
  q: { rounds: number; streams: number; lagStreams: number },
  track: Track,
): Promise<Record<string, unknown>> {
  // The cache off: every request reaches the spot (the cache's own figures: bench/cache.ts).
  const { spot, gw, bare, bareJs, peers } = await proxyTargets(track);
  const targets = [
    ["direct", spot],
    ["gateway", gw],
    ["bare", bare],
    ["bare_js", bareJs],
    ...peers,
  ] as const;
  // Warm-up: as many streams as a round, so that the rounds measure code the JIT has compiled
  // (a quarter of a round left the first round of every Deno target about a third slower).
  for (const [, t] of targets) await streamLoad(t, q.streams, 20);
  const rounds: Record<string, number[]> = {};
  const add = (k: string, v: number) => (rounds[k] ??= []).push(v);
  for (let r = 0; r < q.rounds; r++) {
    await setFault(spot, "ok", 0, 0);
    for (const [name, t] of targets) {
      const load = await streamLoad(t, q.streams, 20);
      if (name !== "direct") add(`${name}_cpu_us_per_stream`, load.cpuUs);
      add(`${name}_streams_per_s`, load.perSec);
      // Streams of 3 events beside those of 21: the difference is the cost per event, the rest
      // what a stream costs whatever its length (opening, routing, logs, closing).
      if (name !== "direct") {
        add(`${name}_cpu_us_per_short_stream`, (await streamLoad(t, q.streams, 2)).cpuUs);
      }
    }
    // Paced like an engine: an event every 50 ms; one stream at a time, targets interleaved.
    await setFault(spot, "ok", 0, 50, { stamp: true });
    const lag: Record<string, number[]> = {}, ttfe: Record<string, number[]> = {};
    for (let i = 0; i < q.lagStreams; i++) {
      for (const [name, t] of targets) {
        const one = await lagged(streamUrl(t.url, 6));
        (lag[name] ??= []).push(...one.lags);
        (ttfe[name] ??= []).push(one.ttfe);
      }
    }
    for (const [name] of targets) {
      add(`${name}_event_lag_p50_ms`, percentiles(lag[name]!).p50);
      add(`${name}_ttfe_p50_ms`, percentiles(ttfe[name]!).p50);
    }
    await setFault(spot, "ok", 0, 0, { stamp: false });
  }
  const med = Object.fromEntries(Object.entries(rounds).map(([k, v]) => [k, round(median(v))]));
  const ratio = (a: string, b: string) => round(med[a]! / med[b]!);
  for (const [name] of targets.slice(1)) {
    const perEvent = (med[`${name}_cpu_us_per_stream`]! - med[`${name}_cpu_us_per_short_stream`]!) /
      18;
    med[`${name}_cpu_us_per_event`] = round(perEvent);
    med[`${name}_cpu_us_fixed`] = round(med[`${name}_cpu_us_per_short_stream`]! - 3 * perEvent);
  }
  return {
    ...med,
    rounds,
    peers: ["bare_js", ...peers.map(([n]) => n)],
    cpu_vs_bare: ratio("gateway_cpu_us_per_stream", "bare_cpu_us_per_stream"),
    cpu_vs_bare_js: ratio("gateway_cpu_us_per_stream", "bare_js_cpu_us_per_stream"),
    throughput_vs_direct: ratio("gateway_streams_per_s", "direct_streams_per_s"),
    lag_added_vs_bare_ms: round(med.gateway_event_lag_p50_ms! - med.bare_event_lag_p50_ms!),
    ttfe_added_vs_bare_ms: round(med.gateway_ttfe_p50_ms! - med.bare_ttfe_p50_ms!),
    gateway_rss_after_mb: round(rssOf(gw.proc.pid) / 2 ** 20),
  };
}

/** What request logging costs: the same JSON load on a gateway at `info` and at `warn`. */
export async function loggingCost(
  q: { rounds: number; secs: number },
  track: Track,
): Promise<Record<string, unknown>> {
  const spot = track(await startFaultSpot({ delayMs: 0 }));
  await setFault(spot, "ok", 0, 0);
  const on = track(await startGateway({ fast: spot }, { LOG_LEVEL: "info", CACHE: "off" }));
  const off = track(await startGateway({ fast: spot }, { LOG_LEVEL: "warn", CACHE: "off" }));
  const cpu: Record<string, number[]> = { info: [], warn: [] };
  for (const g of [on, off]) await maxThroughput(g.url, 32, q.secs); // warm-up
  for (let r = 0; r < q.rounds; r++) {
    for (const [name, g] of [["info", on], ["warn", off]] as const) {
      const cpu0 = cpuOf(g.proc.pid), t0 = performance.now();
      const rps = await maxThroughput(g.url, 32, q.secs);
      const secs = (performance.now() - t0) / 1000;
      cpu[name]!.push(((cpuOf(g.proc.pid) - cpu0) * 1e6) / (rps * secs));
    }
  }
  const info = round(median(cpu.info!)), warn = round(median(cpu.warn!));
  return {
    info_cpu_us_per_req: info,
    warn_cpu_us_per_req: warn,
    logging_us_per_req: round(info - warn),
  };
}
