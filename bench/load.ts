/** Load loops for the benchmark: bounded in count and time, loopback only. */

/** Latency percentiles (ms) of a sample. */
export function percentiles(ms: number[]): { p50: number; p99: number; n: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) =>
    s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : NaN;
  return { p50: round(at(0.5)), p99: round(at(0.99)), n: s.length };
}

/** Rounds to 3 decimals. */
export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The median of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const START = "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1";

/** One POST /analyze; resolves to its latency (ms) or throws on a non-200. */
export async function postOnce(
  base: string,
  depth = 3,
  fen = START,
  user?: string,
): Promise<number> {
  const t = performance.now();
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (user) headers["X-User-ID"] = user;
  const res = await fetch(`${base}/analyze`, {
    method: "POST",
    body: JSON.stringify({ fen, depth, multipv: 1 }),
    headers,
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`status ${res.status}`);
  return performance.now() - t;
}

/** Closed-loop maximum throughput: `workers` loops for `seconds`; requests per second. */
export async function maxThroughput(
  base: string,
  workers: number,
  seconds: number,
): Promise<number> {
  let done = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(Array.from({ length: workers }, async () => {
    while (performance.now() < end) (await postOnce(base), done++);
  }));
  return done / seconds;
}

/** Open-loop fixed rate: `rate` requests/s for `seconds`; latencies and failures. */
export async function fixedRate(
  base: string,
  rate: number,
  seconds: number,
): Promise<{ p50: number; p99: number; n: number; failures: number }> {
  const lat: number[] = [];
  let failures = 0;
  const inflight: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < rate * seconds; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inflight.push(postOnce(base).then((ms) => void lat.push(ms), () => void failures++));
  }
  await Promise.all(inflight);
  return { ...percentiles(lat), failures };
}

/** One stream: time to the first event and to the end (ms); throws without a result. */
export async function streamOnce(url: string): Promise<{ ttfe: number; total: number }> {
  const t = performance.now();
  const res = await fetch(url);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let ttfe = NaN, text = "";
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    if (Number.isNaN(ttfe) && r.value.includes("event:")) ttfe = performance.now() - t;
    text += r.value;
  }
  if (!text.includes("event: result")) throw new Error("stream ended without result");
  return { ttfe, total: performance.now() - t };
}

/** A stream URL for the start position. */
export function streamUrl(base: string, depth: number, multipv = 1, fen = START): string {
  const q = new URLSearchParams({ fen, depth: String(depth), multipv: String(multipv) });
  return `${base}/analyze/stream?${q}`;
}

/** Resident set size (bytes) of a process, from /proc. */
export function rssOf(pid: number): number {
  const status = Deno.readTextFileSync(`/proc/${pid}/status`);
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) * 1024;
}

/** CPU time (s) of a process so far, from /proc (utime + stime). */
export function cpuOf(pid: number): number {
  const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(f[11]) + Number(f[12])) / 100;
}
