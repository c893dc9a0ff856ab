import assert from "node:assert/strict";
import { openSse } from "../../../src/console/web/lib/sse-client.ts";
import { reconnectDelay } from "../../../src/console/web/lib/backoff.ts";
import { describeState, type StreamState } from "../../../src/console/web/lib/stream-state.ts";
import type { SseEvent } from "../../../src/sse/event.ts";

/** A response whose body is `text`, then (unless `ends`) an error, as a cut connection. */
function streamOf(text: string, ends = true): Response {
  let sent = false;
  const body = new ReadableStream<Uint8Array>({
    pull(ctl) {
      if (!sent) {
        sent = true;
        return ctl.enqueue(new TextEncoder().encode(text));
      }
      if (ends) ctl.close();
      else ctl.error(new TypeError("connection reset"));
    },
  });
  return new Response(body, { headers: { "content-type": "text/event-stream" } });
}

/** Runs a client over scripted answers; records every request's Last-Event-ID and the waits. */
async function run(
  answers: (() => Response | Promise<Response>)[],
  isLast?: (e: SseEvent) => boolean,
  maxAttempts?: number,
) {
  const sent: (string | null)[] = [];
  const waits: number[] = [];
  const states: StreamState[] = [];
  const events: SseEvent[] = [];
  const fetch = (_url: string | URL | Request, init?: RequestInit) => {
    sent.push(new Headers(init?.headers).get("last-event-id"));
    const next = answers.shift();
    return next ? Promise.resolve(next()) : Promise.reject(new TypeError("no more answers"));
  };
  const client = openSse({
    url: "/x",
    onEvent: (e) => events.push(e),
    onState: (s) => states.push(s),
    isLast,
    maxAttempts,
    fetch: fetch as typeof globalThis.fetch,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  });
  await client.done;
  return { sent, waits, states, events };
}

const isResult = (e: SseEvent) => e.event === "result";

Deno.test("sse client: a cut stream reconnects with Last-Event-ID and continues; the last event ends it", async () => {
  const r = await run([
    () => streamOf("id: 1.1\nevent: info\ndata: a\n\nid: 2.1\nevent: info\ndata: b\n\n", false),
    () => streamOf("id: 3.1\nevent: info\ndata: c\n\nid: result\nevent: result\ndata: d\n\n"),
  ], isResult);
  assert.deepEqual(r.sent, [null, "2.1"]);
  assert.deepEqual(r.events.map((e) => e.data), ["a", "b", "c", "d"]);
  assert.deepEqual(r.waits, [1000]);
  assert.deepEqual(r.states.map((s) => s.kind), [
    "connecting",
    "open",
    "reconnecting",
    "open",
    "closed",
  ]);
  const reconnecting = r.states[2]!;
  assert.equal(
    describeState(reconnecting),
    "Connection lost (No answer from the gateway (connection reset)); reconnecting in 1 s, resuming after event 2.1 (try 1)",
  );
  assert.equal(describeState(r.states[3]!), "Reconnected: resumed after event 2.1");
  assert.equal(describeState(r.states[4]!), undefined);
});

Deno.test("sse client: a stream that ends before its last event reconnects; a 204 then ends it", async () => {
  const r = await run([
    () => streamOf("id: 7\nevent: progress\ndata: {}\n\n"),
    () => new Response(null, { status: 204 }),
  ], (e) => e.event === "done");
  assert.deepEqual(r.sent, [null, "7"]);
  assert.deepEqual(r.states.at(-1), { kind: "closed", reason: "no_content" });
});

Deno.test("sse client: a 4xx is the API's error, shown and not retried", async () => {
  const body = JSON.stringify({
    error: { code: "invalid_fen", message: "Invalid FEN: x", hint: "h" },
  });
  const r = await run([() => new Response(body, { status: 400 })]);
  assert.deepEqual(r.sent, [null]);
  const last = r.states.at(-1)!;
  assert.equal(last.kind, "failed");
  assert.equal(last.kind === "failed" && last.error.message, "Invalid FEN: x");
});

Deno.test("sse client: a 503 waits its Retry-After; failures in a row back off, then give up", async () => {
  const busy = () => new Response("{}", { status: 503, headers: { "retry-after": "7" } });
  const r = await run([busy, busy, busy], undefined, 3);
  assert.deepEqual(r.waits, [7000, 7000, 7000]);
  const last = r.states.at(-1)!;
  assert.equal(last.kind === "failed" && last.error.code, "stream_lost");
  assert.deepEqual([1, 2, 3, 4, 5, 9].map((n) => reconnectDelay(n)), [
    1000,
    2000,
    4000,
    8000,
    10000,
    10000,
  ]);
  assert.equal(reconnectDelay(1, 30), 30_000);
});

Deno.test("sse client: close() stops it, even while it waits to reconnect", async () => {
  const states: string[] = [];
  const client = openSse({
    url: "/x",
    onEvent: () => {},
    onState: (s) => states.push(s.kind),
    fetch: (() => Promise.reject(new TypeError("refused"))) as typeof fetch,
  });
  await new Promise((r) => setTimeout(r, 20));
  client.close();
  await client.done;
  assert.deepEqual(states, ["connecting", "reconnecting", "closed"]);
});
