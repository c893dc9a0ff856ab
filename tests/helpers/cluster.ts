/** Starts real spots (Stockfish or the fault spot) and the gateway as processes on loopback. */
import { freePort, type Proc, startDeno, waitForOk } from "./procs.ts";
import { parseSse, type SseChunk } from "../../src/sse/parse.ts";
import type { SseEvent } from "../../src/sse/event.ts";
import { GATEWAY_DENO_FLAGS } from "../../src/gateway/deno-flags.ts";

/** A started server process and its base URL. */
export interface Server {
  url: string;
  port: number;
  proc: Proc;
  stop: (signal?: Deno.Signal) => Promise<Deno.CommandStatus>;
}

/**
 * A Deno script as a server process on `host:port` (host 127.0.0.1 unless given); waits until
 * its `healthPath` (default /health) answers 200.
 */
export async function serve(
  script: string,
  args: string[],
  env: Record<string, string>,
  port: number,
  denoFlags: readonly string[] = [],
  at: { healthPath?: string; host?: string } = {},
): Promise<Server> {
  const proc = startDeno(script, args, env, denoFlags);
  const url = `http://${at.host ?? "127.0.0.1"}:${port}`;
  await waitForOk(`${url}${at.healthPath ?? "/health"}`, proc);
  return { url, port, proc, stop: (s?: Deno.Signal) => proc.stop(s) };
}

/** A reference spot on real Stockfish. */
export function startSpot(
  opts: { engines?: number; queue?: number; env?: Record<string, string>; port?: number } = {},
): Promise<Server> {
  const port = opts.port ?? freePort();
  const args = [
    "--port",
    String(port),
    "--engines",
    String(opts.engines ?? 1),
    "--queue",
    String(opts.queue ?? 8),
  ];
  return serve("src/spot/main.ts", args, opts.env ?? {}, port);
}

/**
 * The fault-injecting spot (tests/fixtures/fault-spot.ts); with `prefix`, its API is under that
 * path (its `url` stays the root, where `/_fault` and `/_stats` are); `host` is a loopback
 * address (127.0.0.1 unless given: 127.0.0.2 gives a second spot on the same port).
 */
export function startFaultSpot(
  opts: { delayMs?: number; port?: number; mode?: string; prefix?: string; host?: string } = {},
): Promise<Server> {
  const port = opts.port ?? freePort();
  const args = [
    "--port",
    String(port),
    "--delay-ms",
    String(opts.delayMs ?? 20),
    "--mode",
    opts.mode ?? "ok",
    ...(opts.prefix ? ["--prefix", opts.prefix] : []),
    ...(opts.host ? ["--host", opts.host] : []),
  ];
  const healthPath = `${opts.prefix ?? ""}/health`;
  return serve("tests/fixtures/fault-spot.ts", args, {}, port, [], { healthPath, host: opts.host });
}

/**
 * Tells a fault spot how to misbehave; `extra` sets its other options (`stamp`, `pad`: see
 * tests/fixtures/fault-spot.ts).
 */
export async function setFault(
  spot: Server,
  mode: string,
  after = 3,
  delayMs?: number,
  extra: { stamp?: boolean; pad?: number } = {},
): Promise<void> {
  const body = JSON.stringify({
    mode,
    after,
    ...(delayMs === undefined ? {} : { delay_ms: delayMs }),
    ...extra,
  });
  const res = await fetch(`${spot.url}/_fault`, { method: "POST", body });
  await res.body?.cancel();
}

/** A fault spot's request counters. */
export async function faultStats(
  spot: Server,
): Promise<
  {
    stream: number;
    analyze: number;
    health: number;
    open_streams: number;
    last_headers: Record<string, string>;
  }
> {
  return await (await fetch(`${spot.url}/_stats`)).json();
}

/**
 * The gateway as a process, in front of `spots` (id → server), with `denoFlags` besides its
 * own (a profiler's). Waits for /health.
 */
export async function startGateway(
  spots: Record<string, Server | string>,
  env: Record<string, string> = {},
  denoFlags: readonly string[] = [],
): Promise<Server> {
  const port = freePort();
  const list = Object.entries(spots).map(([id, s]) => ({
    id,
    url: typeof s === "string" ? s : s.url,
  }));
  return await serve(
    "src/main.ts",
    [],
    {
      PORT: String(port),
      LISTEN_HOST: "127.0.0.1",
      HOSTNAME: "spotgate-7d9f8-abcde",
      ENGINE_SPOTS: JSON.stringify(list),
      SPOT_HEALTH_CHECK_INTERVAL: "1",
      STREAM_IDLE_TIMEOUT: "2",
      SPOT_REQUEST_TIMEOUT: "5",
      SPOTS_FILE: "/nonexistent/spots.json",
      ...env,
    },
    port,
    [...GATEWAY_DENO_FLAGS, ...denoFlags],
  );
}

/** Every chunk of an SSE response (events and comments), read to the end. */
export async function readSse(res: Response): Promise<SseChunk[]> {
  return await Array.fromAsync(parseSse(res.body!));
}

/** Only the events of an SSE response. */
export async function readEvents(res: Response): Promise<SseEvent[]> {
  return (await readSse(res)).flatMap((c) => (c.kind === "event" ? [c.event] : []));
}

/** A stream URL for `fen` at `depth`/`multipv`. */
export function streamUrl(base: string, fen: string, depth: number, multipv = 1): string {
  return `${base}/analyze/stream?${new URLSearchParams({
    fen,
    depth: String(depth),
    multipv: String(multipv),
  })}`;
}

/** The start position. */
export const START = "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1";

/** Asserts the shape docs/design.md §2 promises: per multipv, info ids strictly increase; one result, last. */
export function checkSequence(events: SseEvent[]): string[] {
  const problems: string[] = [];
  const deepest = new Map<string, number>();
  events.forEach((e, i) => {
    if (e.event === "info") {
      const [d, m] = (e.id ?? "").split(".");
      if (Number(d) <= (deepest.get(m!) ?? 0)) problems.push(`duplicate or out of order: ${e.id}`);
      deepest.set(m!, Number(d));
    } else if (e.event === "result" && i !== events.length - 1) problems.push("result is not last");
  });
  const results = events.filter((e) => e.event === "result").length;
  if (results !== 1) problems.push(`${results} result events`);
  return problems;
}
