/**
 * Profiles the gateway under load, for perf work (docs/benchmark.md has what it found): a fast
 * spot, the gateway in front of it (CACHE=off, LOG_LEVEL=warn), `--n` streams of `--depth`
 * (or JSON analyses with `--json`), 32 at a time; then a CPU profile (`--cpu-prof`: self time
 * per function, and time per function including what it calls, per request) or, with
 * `--heap`, a V8 sampling heap profile over the inspector (bytes allocated per request, per
 * function, objects collected since included).
 *
 *   deno task bench:profile [--heap] [--json] [--n 3000] [--depth 2] [--top 40] [--filter src/]
 */
import { parseArgs } from "node:util";
import { setFault, startFaultSpot, startGateway } from "../tests/helpers/cluster.ts";
import { freePort } from "../tests/helpers/procs.ts";
import { postOnce, streamOnce, streamUrl } from "./load.ts";

const { values: o } = parseArgs({
  args: Deno.args,
  options: {
    heap: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    n: { type: "string", default: "3000" },
    depth: { type: "string", default: "2" },
    top: { type: "string", default: "40" },
    filter: { type: "string", default: "" },
  },
});
// deno-lint-ignore no-console -- the tables are this tool's output
const out = (line: string) => console.log(line);
const N = Number(o.n), TOP = Number(o.top), filter = new RegExp(o.filter);
const WARM = Math.min(N, 500); // requests before the measured ones (in a CPU profile too)

interface Frame {
  functionName: string;
  url: string;
  lineNumber: number;
}
const where = (f: Frame) =>
  `${f.functionName || "(anonymous)"} ${
    f.url.replace(/^.*\/registry\.npmjs\.org\//, "npm:").replace(
      /^file:\/\/.*?\/(src|bench)\//,
      "$1/",
    )
  }:${f.lineNumber}`;

/** Rows of `name → amount`, largest first, per request, as a table. */
function print(title: string, rows: Map<string, number>, unit: string, per = N): void {
  out(`\n${title} (${unit} per request)`);
  const sorted = [...rows].filter(([k]) => filter.test(k)).sort((a, b) => b[1] - a[1]);
  for (const [k, v] of sorted.slice(0, TOP)) {
    out(`${(v / per).toFixed(1).padStart(9)}  ${k}`);
  }
}

/** N requests, 32 at a time. */
async function load(url: string, n: number): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (next++ < n) {
      if (o.json) await postOnce(url, 12);
      else await streamOnce(streamUrl(url, Number(o.depth)));
    }
  }));
}

interface CpuNode {
  id: number;
  callFrame: Frame;
  children?: number[];
}

/** Self time and time including callees, per function, from a .cpuprofile. */
function readCpuProfile(path: string): void {
  const p = JSON.parse(Deno.readTextFileSync(path)) as {
    nodes: CpuNode[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  p.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const self = new Map<string, number>(), total = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const k = where(byId.get(id)!.callFrame);
    self.set(k, (self.get(k) ?? 0) + us);
    const seen = new Set<string>(); // a recursive function counts once per sample
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = where(byId.get(cur)!.callFrame);
      if (!seen.has(name)) total.set(name, (total.get(name) ?? 0) + us);
      seen.add(name);
    }
  }
  print("self time", self, "µs", N + WARM);
  print("time including callees", total, "µs", N + WARM);
}

interface HeapNode {
  callFrame: Frame;
  selfSize: number;
  children: HeapNode[];
}

/** Starts sampling allocations over the inspector; the returned function stops and prints. */
async function sampleHeap(inspectPort: number): Promise<() => Promise<void>> {
  const [target] = await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json();
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((r) => ws.onopen = r);
  let id = 0;
  const waiting = new Map<number, (v: { result: unknown }) => void>();
  ws.onmessage = (e) => {
    const m = JSON.parse(e.data);
    waiting.get(m.id)?.(m);
  };
  const call = (method: string, params = {}) =>
    new Promise<{ result: unknown }>((resolve) => {
      waiting.set(++id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  await call("HeapProfiler.enable");
  await call("HeapProfiler.startSampling", {
    samplingInterval: 256,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  return async () => {
    const { result } = await call("HeapProfiler.stopSampling");
    const bytes = new Map<string, number>();
    const walk = (n: HeapNode) => {
      const k = where(n.callFrame);
      bytes.set(k, (bytes.get(k) ?? 0) + n.selfSize);
      n.children.forEach(walk);
    };
    walk((result as { profile: { head: HeapNode } }).profile.head);
    const sum = [...bytes.values()].reduce((a, b) => a + b, 0);
    out(`allocated: ${Math.round(sum / N)} bytes per request (inspector's own included)`);
    print("allocated", bytes, "bytes");
    ws.close();
  };
}

const spot = await startFaultSpot({ delayMs: 0 });
await setFault(spot, "ok", 0, 0);
const inspectPort = freePort();
const dir = await Deno.makeTempDir({ prefix: "spotgate-profile-" });
const flags = o.heap
  ? [`--inspect=127.0.0.1:${inspectPort}`]
  : ["--cpu-prof", `--cpu-prof-dir=${dir}`];
const gw = await startGateway({ fast: spot }, { LOG_LEVEL: "warn", CACHE: "off" }, flags);
try {
  await load(gw.url, WARM);
  const stop = o.heap ? await sampleHeap(inspectPort) : undefined;
  await load(gw.url, N);
  await stop?.();
} finally {
  await gw.stop("SIGTERM"); // the gateway writes its CPU profile as it exits
  await spot.stop();
}
if (!o.heap) {
  const file = [...Deno.readDirSync(dir)].find((e) => e.name.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no CPU profile in ${dir}`);
  readCpuProfile(`${dir}/${file.name}`);
}
await Deno.remove(dir, { recursive: true });
