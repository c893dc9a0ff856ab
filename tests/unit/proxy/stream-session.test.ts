import assert from "node:assert/strict";
import { Attempts } from "../../../src/proxy/attempts.ts";
import { StreamSession } from "../../../src/proxy/stream-session.ts";
import type { OpenedStream } from "../../../src/proxy/stream-open.ts";
import type { RelaySink } from "../../../src/proxy/stream-relay.ts";
import type { StreamOptions, StreamStats } from "../../../src/proxy/stream-types.ts";
import { encodeEvent } from "../../../src/sse/format.ts";
import { FakeRouter } from "./fake-router.ts";

function upstreamOf(chunks: Uint8Array[]): OpenedStream["upstream"] {
  const body = new ReadableStream<Uint8Array>({
    start(ctl) {
      for (const c of chunks) ctl.enqueue(c);
      ctl.close();
    },
  });
  const reader = body.getReader();
  const close = () => void reader.cancel();
  return { outcome: { kind: "ok" }, latencyMs: 1, reader, close, release: close };
}

function setup(write: (b: Uint8Array) => void) {
  const router = new FakeRouter(["a"]);
  const attempts = new Attempts(router, [], Infinity);
  const lease = attempts.next()!;
  const info = encodeEvent({ event: "info", id: "1.1", data: "{}" });
  const first = { lease, upstream: upstreamOf([info]), startedAt: performance.now() };
  const sink: RelaySink = { write, forwarded: () => {}, cancelled: new AbortController().signal };
  const stats: StreamStats = { events: 0, resumes: 0, completed: false, lastSpot: "a" };
  const opts = { router, idleMs: 1000, timeoutMs: 1000 } as unknown as StreamOptions;
  const req = { fen: "x", depth: 1, multipv: 1 };
  return { router, session: new StreamSession(req, opts, attempts, first, sink, stats) };
}

Deno.test("StreamSession: a throw inside the relay settles the lease and the attempt book", async () => {
  const { router, session } = setup(() => {
    throw new TypeError("the client's body is gone");
  });
  await assert.rejects(session.run(), TypeError);
  assert.equal(router.inFlight, 0, "the spot lease was released");
  assert.deepEqual(router.finished, [{ id: "a", outcome: "aborted" }]);
  assert.equal(router.budget.inUse, 0);
});

Deno.test("StreamSession: a spot that ends without a result, with no spot left, ends in an error event", async () => {
  const out: string[] = [];
  const { router, session } = setup((b) => out.push(new TextDecoder().decode(b)));
  await session.run();
  assert.equal(router.inFlight, 0);
  assert.deepEqual(router.finished, [{ id: "a", outcome: "stream_cut" }]);
  assert.match(out.join(""), /id: 1\.1/);
  assert.match(out.at(-1)!, /^event: error\n/);
});
