/** Helpers of the cache integration tests: a gateway over fault spots, clients that read all. */
import { type Server, startFaultSpot, startGateway } from "../helpers/cluster.ts";
import { parseSse } from "../../src/sse/parse.ts";
import type { SseEvent } from "../../src/sse/event.ts";

/** What one client got: the X-Cache header, every event, and the comments. */
export interface Got {
  status: number;
  cache: string | null;
  events: SseEvent[];
  comments: string[];
}

/** One stream read to its end (or until `signal` aborts it). */
export async function stream(url: string, headers: Record<string, string> = {}): Promise<Got> {
  const res = await fetch(url, { headers });
  const got: Got = {
    status: res.status,
    cache: res.headers.get("x-cache"),
    events: [],
    comments: [],
  };
  if (res.status !== 200) return (await res.body?.cancel(), got);
  for await (const c of parseSse(res.body!)) {
    if (c.kind === "event") got.events.push(c.event);
    else got.comments.push(c.text);
  }
  return got;
}

/** One POST /analyze: status, X-Cache and the JSON body. */
export async function analyze(
  base: string,
  body: object,
  headers: Record<string, string> = {},
): Promise<{ status: number; cache: string | null; body: Record<string, unknown> }> {
  const res = await fetch(`${base}/analyze`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", ...headers },
  });
  return { status: res.status, cache: res.headers.get("x-cache"), body: await res.json() };
}

/** A gateway over the given fault spots (first listed = highest priority), all stopped after. */
export async function withCluster(
  spots: number,
  fn: (gw: Server, spots: Server[]) => Promise<void>,
  env: Record<string, string> = {},
  delayMs = 20,
): Promise<void> {
  const started: Server[] = [];
  try {
    for (let i = 0; i < spots; i++) started.push(await startFaultSpot({ delayMs }));
    const list = started.map((s, i) => ({ id: `s${i}`, url: s.url, priority: 200 - i }));
    const gw = await startGateway({}, { ENGINE_SPOTS: JSON.stringify(list), ...env });
    started.push(gw);
    await fn(gw, started.slice(0, spots));
  } finally {
    for (const s of started.reverse()) await s.stop();
  }
}

/** `n` distinct legal positions (the start position with other pieces moved). */
export const POSITIONS: string[] = [
  "rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq - 0 1",
  "rnbqkbnr/pppp1ppp/8/4p3/4P3/8/PPPP1PPP/RNBQKBNR w KQkq - 0 2",
  "rnbqkbnr/pppp1ppp/8/4p3/4P3/5N2/PPPP1PPP/RNBQKB1R b KQkq - 1 2",
  "r1bqkbnr/pppp1ppp/2n5/4p3/4P3/5N2/PPPP1PPP/RNBQKB1R w KQkq - 2 3",
  "rnbqkbnr/pppppppp/8/8/3P4/8/PPP1PPPP/RNBQKBNR b KQkq - 0 1",
  "rnbqkbnr/ppp1pppp/8/3p4/3P4/8/PPP1PPPP/RNBQKBNR w KQkq - 0 2",
  "rnbqkbnr/pppppppp/8/8/2P5/8/PP1PPPPP/RNBQKBNR b KQkq - 0 1",
  "rnbqkbnr/pppppppp/8/8/8/5N2/PPPPPPPP/RNBQKB1R b KQkq - 1 1",
];

/** Waits `ms`. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
