/** Writes the benchmark's markdown report and raw JSON, and prints the summary. */

function machine(): string {
  const cpu = Deno.readTextFileSync("/proc/cpuinfo").match(/model name\s*:\s*(.*)/)?.[1] ??
    "unknown CPU";
  const mem = Number(/MemTotal:\s+(\d+)/.exec(Deno.readTextFileSync("/proc/meminfo"))?.[1] ?? 0);
  return `${navigator.hardwareConcurrency} × ${cpu}, ${
    Math.round(mem / 2 ** 20)
  } GiB, Deno ${Deno.version.deno}`;
}

// deno-lint-ignore no-explicit-any -- the report reads an untyped JSON tree
type Tree = any;
type Row = [string, (r: Tree) => unknown, string, (v: number) => boolean, ((r: Tree) => unknown)?];
// The last column: the same figure for bench/bare-proxy.ts (Deno.serve + fetch, nothing else).
const TARGETS: Row[] = [
  [
    "JSON throughput vs direct",
    (r) => r.proxy?.throughput_ratio,
    "≥ 0.5×",
    (v) => v >= 0.5,
    (r) => r.proxy?.bare_throughput_ratio,
  ],
  [
    "gateway CPU per proxied request (µs)",
    (r) => r.proxy?.gateway_cpu_us_per_req,
    "≤ 100",
    (v) => v <= 100,
    (r) => r.proxy?.bare_cpu_us_per_req,
  ],
  [
    "added p99 at fixed rate (ms)",
    (r) => r.proxy && r.proxy.gateway_p99_ms - r.proxy.direct_p99_ms,
    "≤ 1",
    (v) => v <= 1,
    (r) => r.proxy && r.proxy.bare_p99_ms - r.proxy.direct_p99_ms,
  ],
  [
    "SSE time-to-first-event added, p50 (ms)",
    (r) => r.proxy && r.proxy.gateway_ttfe_p50_ms - r.proxy.direct_ttfe_p50_ms,
    "≤ 0.5",
    (v) => v <= 0.5,
    (r) => r.proxy && r.proxy.bare_ttfe_p50_ms - r.proxy.direct_ttfe_p50_ms,
  ],
  [
    "gateway JSON CPU ÷ bare proxy's",
    (r) => r.proxy?.cpu_vs_bare,
    "≤ 1.2×",
    (v) => v <= 1.2,
  ],
  [
    "stream of 21 events: gateway CPU ÷ bare proxy's",
    (r) => r.streams?.cpu_vs_bare,
    "≤ 1.25×",
    (v) => v <= 1.25,
  ],
  [
    // The bare proxy piping natively runs no JavaScript per chunk; this one (RELAY=js) does.
    "stream of 21 events: gateway CPU ÷ the bare proxy's relaying through JS",
    (r) => r.streams?.cpu_vs_bare_js,
    "reported",
    () => true,
  ],
  [
    "stream throughput vs direct",
    (r) => r.streams?.throughput_vs_direct,
    "reported",
    () => true,
    (r) => r.streams && r.streams.bare_streams_per_s / r.streams.direct_streams_per_s,
  ],
  [
    "event lag added over the bare proxy, p50 (ms)",
    (r) => r.streams?.lag_added_vs_bare_ms,
    "≤ 0.1",
    (v) => v <= 0.1,
    (r) => r.streams?.bare_event_lag_p50_ms,
  ],
  [
    "paced stream: first event added over the bare proxy, p50 (ms)",
    (r) => r.streams?.ttfe_added_vs_bare_ms,
    "≤ 0.2",
    (v) => v <= 0.2,
  ],
  [
    "request logging, CPU per request over LOG_LEVEL=warn (µs)",
    (r) => r.logging?.logging_us_per_req,
    "≤ 10",
    (v) => v <= 10,
  ],
  ["RSS idle (MB)", (r) => r.memory?.idle_rss_mb, "≤ 80", (v) => v <= 80],
  [
    "RSS after the stream rounds (MB)",
    (r) => r.streams?.gateway_rss_after_mb,
    "≤ 150",
    (v) => v <= 150,
  ],
  ["RSS with open streams (MB)", (r) => r.memory?.rss_with_streams_mb, "reported", () => true],
  [
    "admission latency added, memory limiter, p50 (ms)",
    (r) => r.limiter?.added_p50_ms_memory,
    "reported",
    () => true,
  ],
  [
    "admission latency added, Redis limiter, p50 (ms)",
    (r) => r.limiter?.added_p50_ms_redis,
    "reported",
    () => true,
  ],
  ["client failures in the kill test", (r) => r.failover?.client_failures, "0", (v) => v === 0],
  ["two spots vs one (real engine)", (r) => r.engine?.speedup, "≥ 1.8×", (v) => v >= 1.8],
  [
    "cache: 50 identical concurrent JSON analyses → spot searches",
    (r) => r.cache?.coalesce?.json_spot_searches,
    "1",
    (v) => v === 1,
  ],
  [
    "cache: 50 identical concurrent streams → spot searches",
    (r) => r.cache?.coalesce?.stream_spot_searches,
    "1",
    (v) => v === 1,
  ],
  [
    "cache: a hit's whole time in the gateway, p50 (ms)",
    (r) => r.cache?.hit?.hit_p50_ms,
    "≤ 1",
    (v) => v <= 1,
  ],
  [
    "cache: gateway CPU per hit / per proxied request",
    (r) => r.cache?.hit?.cpu_hit_vs_proxied,
    "< 1",
    (v) => v < 1,
  ],
  ["cache: gateway CPU per hit (µs)", (r) => r.cache?.hit?.cpu_us_per_hit, "reported", () => true],
  ["cache: hit ratio, realistic mix", (r) => r.cache?.mix?.hit_ratio, "reported", () => true],
  [
    "cache: spot searches saved, realistic mix",
    (r) => r.cache?.mix?.searches_saved,
    "≥ 0.4",
    (v) => v >= 0.4,
  ],
  ["long game, 1 spot: wall (s)", (r) => r.jobs?.long_game_1_spot?.wall_s, "reported", () => true],
  [
    "long game, 2 spots: wall (s)",
    (r) => r.jobs?.long_game_2_spots?.wall_s,
    "reported",
    () => true,
  ],
  [
    "long game, 2 spots: first phase-1 GameAnalysis (s)",
    (r) => r.jobs?.long_game_2_spots?.first_game_s,
    "reported",
    () => true,
  ],
  [
    "batch on 2 spots vs sequential (one engine)",
    (r) => r.jobs?.batch_speedup,
    "≥ 1.8×",
    (v) => v >= 1.8,
  ],
  [
    "the same batch again (position cache)",
    (r) => r.jobs?.batch_again_speedup,
    "≥ 20×",
    (v) => v >= 20,
  ],
  [
    "interactive time to first event, during a batch / idle",
    (r) => r.jobs?.interactive_ttfe_ratio,
    "≤ 1.5×",
    (v) => v <= 1.5,
  ],
];

/** Every proxy side by side (the installed peers too), from the proxy and stream rounds. */
function peerTable(r: Tree): string[] {
  const names = ["gateway", "bare", ...(r.streams?.peers ?? [])];
  const cell = (v: unknown) => typeof v === "number" ? String(Math.round(v * 100) / 100) : "–";
  const row = (what: string, get: (n: string) => unknown) =>
    `| ${what} | ${names.map((n) => cell(get(n))).join(" | ")} |`;
  return [
    `| per proxy | ${names.join(" | ")} |`,
    `|---|${names.map(() => "---:").join("|")}|`,
    row("JSON CPU µs/request", (n) => r.proxy?.[`${n}_cpu_us_per_req`]),
    row("stream of 21 events, CPU µs/stream", (n) => r.streams?.[`${n}_cpu_us_per_stream`]),
    row("stream CPU µs per event (21 vs 3 events)", (n) => r.streams?.[`${n}_cpu_us_per_event`]),
    row("stream CPU µs per stream besides its events", (n) => r.streams?.[`${n}_cpu_us_fixed`]),
    row(
      "stream throughput × direct",
      (n) => r.streams && r.streams[`${n}_streams_per_s`] / r.streams.direct_streams_per_s,
    ),
    row("event lag p50 (ms)", (n) => r.streams?.[`${n}_event_lag_p50_ms`]),
    row("paced first event p50 (ms)", (n) => r.streams?.[`${n}_ttfe_p50_ms`]),
    "",
  ];
}

/** Writes bench/results/latest.md and latest.json (quick runs: quick.md/json). */
export async function writeReport(results: Tree): Promise<void> {
  const name = results.quick ? "quick" : results.only ?? "latest";
  const dir = new URL("./results/", import.meta.url).pathname;
  await Deno.mkdir(dir, { recursive: true });
  results.machine = machine();
  const show = (v: unknown, none: string) =>
    typeof v !== "number" || Number.isNaN(v) ? none : String(Math.round(v * 1000) / 1000);
  const rows = TARGETS.map(([what, get, target, ok, floor]) => {
    const v = get(results) as number | undefined;
    const verdict = typeof v === "number" && !Number.isNaN(v) ? (ok(v) ? "met" : "MISSED") : "–";
    const bare = floor ? show(floor(results), "–") : "–";
    return `| ${what} | ${show(v, "not measured")} | ${target} | ${verdict} | ${bare} |`;
  });
  const md = [
    `# spotgate benchmark (${results.quick ? "quick" : "full"})`,
    "",
    `${results.started} on ${results.machine}. Loopback only; the load generator, the gateway and`,
    "the spots share the machine's cores. Proxy figures are medians of interleaved rounds: direct to",
    "the spot, through the gateway, and through bench/bare-proxy.ts (Deno.serve + fetch and",
    "nothing else: the floor any Deno proxy pays here). The fast spot is tests/fixtures/fault-spot.ts",
    "(no engine); the real-engine run uses Stockfish spots. Raw figures: the JSON file beside this one.",
    "",
    "| target | measured | goal | | bare Deno proxy |",
    "|---|---|---|---|---|",
    ...rows,
    "",
    ...peerTable(results),
    "```json",
    JSON.stringify(results, null, 2),
    "```",
    "",
  ].join("\n");
  await Deno.writeTextFile(`${dir}${name}.md`, md);
  await Deno.writeTextFile(`${dir}${name}.json`, JSON.stringify(results, null, 2));
  // deno-lint-ignore no-console -- the summary is the benchmark's output
  console.log(["", ...rows, "", `report: bench/results/${name}.md`].join("\n"));
}
