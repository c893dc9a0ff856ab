/** Helpers for the job API tests: famous games, submitting, waiting, reading a job's events. */
import { parseSse } from "../../src/sse/parse.ts";
import type { SseEvent } from "../../src/sse/event.ts";

/** Morphy vs the Duke of Brunswick and Count Isouard, Paris 1858: 33 plies, ends in mate. */
export const OPERA_GAME = `[Event "A Night at the Opera"]
[Site "Paris FRA"]
[Date "1858.??.??"]
[White "Paul Morphy"]
[Black "Duke Karl / Count Isouard"]
[Result "1-0"]

1. e4 e5 2. Nf3 d6 3. d4 Bg4 4. dxe5 Bxf3 5. Qxf3 dxe5 6. Bc4 Nf6 7. Qb3 Qe7
8. Nc3 c6 9. Bg5 b5 10. Nxb5 cxb5 11. Bxb5+ Nbd7 12. O-O-O Rd8 13. Rxd7 Rxd7
14. Rd1 Qe6 15. Bxd7+ Nxd7 16. Qb8+ Nxb8 17. Rd8# 1-0`;

/** Short games (UCI moves) for batches. */
export const SHORT_GAMES: string[][] = [
  ["e2e4", "e7e5", "g1f3", "b8c6", "f1b5", "a7a6"],
  ["d2d4", "d7d5", "c2c4", "e7e6", "b1c3", "g8f6", "c1g5"],
  ["c2c4", "e7e5", "b1c3", "g8f6", "g2g3"],
  ["f2f3", "e7e5", "g2g4", "d8h4"],
];

/** POSTs JSON; the status and parsed body. */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {}, headers: res.headers };
}

/** Polls a job until its status is one of `statuses` (bounded by `timeoutMs`); the job. */
export async function waitJob(
  base: string,
  id: string,
  statuses: string[],
  timeoutMs = 60_000,
  headers: Record<string, string> = {},
  // deno-lint-ignore no-explicit-any -- a job's JSON, checked field by field in the tests
): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  let job: { status?: string } = {};
  while (Date.now() < deadline) {
    job = await (await fetch(`${base}/v1/jobs/${id}`, { headers })).json();
    if (statuses.includes(job.status ?? "")) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} still ${job.status} after ${timeoutMs} ms: ${JSON.stringify(job)}`);
}

/**
 * Reads a job's events until `done`/`failed` or `stopAfter` events (then disconnects), bounded
 * by `timeoutMs`; the HTTP status and the events.
 */
export async function jobEvents(
  base: string,
  id: string,
  o: { lastEventId?: string; stopAfter?: number; timeoutMs?: number } = {},
): Promise<{ status: number; events: SseEvent[] }> {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), o.timeoutMs ?? 60_000);
  const headers: Record<string, string> = o.lastEventId ? { "Last-Event-ID": o.lastEventId } : {};
  try {
    const res = await fetch(`${base}/v1/jobs/${id}/events`, { headers, signal: ctl.signal });
    const events: SseEvent[] = [];
    if (res.status !== 200) return (await res.body?.cancel(), { status: res.status, events });
    for await (const c of parseSse(res.body!)) {
      if (c.kind !== "event") continue;
      events.push(c.event);
      if (events.length === o.stopAfter || ["done", "failed"].includes(c.event.event ?? "")) break;
    }
    ctl.abort();
    return { status: res.status, events };
  } finally {
    clearTimeout(timer);
  }
}
