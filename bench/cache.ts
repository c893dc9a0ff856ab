/** Benchmark scenarios of the position cache and coalescing (README "Cache"). */
import {
  faultStats,
  type Server,
  setFault,
  startFaultSpot,
  startGateway,
} from "../tests/helpers/cluster.ts";
import {
  cpuOf,
  maxThroughput,
  median,
  percentiles,
  postOnce,
  round,
  streamOnce,
  streamUrl,
} from "./load.ts";
import { checkBook, games } from "./openings.ts";

type Track = <T extends Server>(s: T) => T;

const FENS = [
  "rnbqkbnr/pppp1ppp/8/4p3/4P3/8/PPPP1PPP/RNBQKBNR w KQkq - 0 2",
  "rnbqkbnr/pppp1ppp/8/4p3/4P3/5N2/PPPP1PPP/RNBQKB1R b KQkq - 1 2",
];
const searches = async (spot: Server) => {
  const s = await faultStats(spot);
  return s.stream + s.analyze;
};

/** K identical concurrent analyses (JSON, then streams) → how many spot searches. */
export async function coalesceK(k: number, track: Track): Promise<Record<string, unknown>> {
  const spot = track(await startFaultSpot({ delayMs: 20 }));
  const gw = track(await startGateway({ spot }, { LOG_LEVEL: "warn" }));
  await Promise.all(Array.from({ length: k }, () => postOnce(gw.url, 10, FENS[0])));
  const json = await searches(spot);
  await Promise.all(Array.from({ length: k }, () => streamOnce(streamUrl(gw.url, 10, 1, FENS[1]))));
  return {
    clients: k,
    json_spot_searches: json,
    stream_spot_searches: (await searches(spot)) - json,
  };
}

/**
 * What a hit costs: its latency (sequential, p50: all of it is the gateway's, as no spot is
 * asked) beside a request to the spot directly and one proxied with the cache off, and the
 * gateway's CPU per request under load for hits vs proxied requests, in interleaved rounds.
 */
export async function hitCost(
  o: { n: number; secs: number; rounds: number },
  track: Track,
): Promise<Record<string, unknown>> {
  const spot = track(await startFaultSpot({ delayMs: 0 }));
  await setFault(spot, "ok", 0, 0);
  const cached = track(await startGateway({ spot }, { LOG_LEVEL: "warn" }));
  const proxied = track(await startGateway({ spot }, { LOG_LEVEL: "warn", CACHE: "off" }));
  const targets = [["direct", spot], ["hit", cached], ["proxied", proxied]] as const;
  for (const [, s] of targets) await maxThroughput(s.url, 16, 0.5); // warm-up (and the entry)
  const lat: Record<string, number[]> = {}, cpu: Record<string, number[]> = {};
  for (let r = 0; r < o.rounds; r++) {
    for (let i = 0; i < o.n; i++) {
      for (const [name, s] of targets) (lat[name] ??= []).push(await postOnce(s.url));
    }
    for (const [name, s] of targets.slice(1)) {
      const cpu0 = cpuOf(s.proc.pid), t0 = performance.now();
      const rps = await maxThroughput(s.url, 32, o.secs);
      const us = ((cpuOf(s.proc.pid) - cpu0) * 1e6) / (rps * (performance.now() - t0) / 1000);
      (cpu[name] ??= []).push(us);
    }
  }
  const p50 = (k: string) => percentiles(lat[k]!).p50;
  const cpuHit = round(median(cpu.hit!)), cpuProxied = round(median(cpu.proxied!));
  return {
    hit_p50_ms: p50("hit"),
    hit_p99_ms: percentiles(lat.hit!).p99,
    direct_p50_ms: p50("direct"),
    proxied_p50_ms: p50("proxied"),
    cpu_us_per_hit: cpuHit,
    cpu_us_per_proxied: cpuProxied,
    cpu_hit_vs_proxied: round(cpuHit / cpuProxied),
    cpu_rounds: cpu,
  };
}

/**
 * The realistic mix: the positions after each of the first 12 plies of 200 games drawn from
 * the bench's opening book (bench/openings.ts), analysed game by game by 8 clients at once,
 * as apps analysing games would. Hit ratio and spot searches saved vs one search per request.
 */
export async function realisticMix(track: Track): Promise<Record<string, unknown>> {
  const book = checkBook();
  const spot = track(await startFaultSpot({ delayMs: 2 }));
  const gw = track(await startGateway({ spot }, { LOG_LEVEL: "warn" }));
  const all = games(200), counts: Record<string, number> = {};
  let next = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < all.length) {
      for (const fen of all[next++]!) {
        const res = await fetch(`${gw.url}/analyze`, {
          method: "POST",
          body: JSON.stringify({ fen, depth: 12, multipv: 1 }),
        });
        await res.arrayBuffer();
        const c = res.headers.get("x-cache") ?? `status ${res.status}`;
        counts[c] = (counts[c] ?? 0) + 1;
      }
    }
  }));
  const requests = all.flat().length, spotSearches = await searches(spot);
  const distinct = new Set(all.flat().map((f) => f.split(" ").slice(0, 4).join(" "))).size;
  return {
    book_lines: book,
    games: all.length,
    requests,
    distinct_positions: distinct,
    x_cache: counts,
    spot_searches: spotSearches,
    hit_ratio: round((counts.hit ?? 0) / requests),
    searches_saved: round(1 - spotSearches / requests),
    best_possible_saving: round(1 - distinct / requests),
  };
}
