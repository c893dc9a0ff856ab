import assert from "node:assert/strict";
import { relay, type RelaySink } from "../../../src/proxy/stream-relay.ts";
import type { OpenedStream } from "../../../src/proxy/stream-open.ts";
import { encodeComment, encodeEvent } from "../../../src/sse/format.ts";
import { ResumeLedger } from "../../../src/sse/resume.ts";

/** A reader that hands out `script` chunks after their delays and counts pending reads. */
function scriptedStream(script: [number, Uint8Array][]) {
  let pending = 0, maxPending = 0, closed = false;
  let wake: (() => void) | undefined;
  const reader = {
    async read(): Promise<ReadableStreamReadResult<Uint8Array>> {
      pending++;
      maxPending = Math.max(maxPending, pending);
      try {
        const next = script.shift();
        if (!next || closed) return { done: true, value: undefined };
        await new Promise<void>((r) => {
          const t = setTimeout(r, next[0]);
          wake = () => (clearTimeout(t), r());
        });
        if (closed) return { done: true, value: undefined };
        return { done: false, value: next[1] };
      } finally {
        pending--;
      }
    },
  } as unknown as ReadableStreamDefaultReader<Uint8Array>;
  const close = () => {
    closed = true;
    wake?.();
  };
  const cur = {
    lease: {} as OpenedStream["lease"],
    upstream: { outcome: { kind: "ok" }, latencyMs: 1, reader, close, release: close },
    startedAt: performance.now(),
  } as OpenedStream;
  return { cur, maxPending: () => maxPending };
}

function sink(): RelaySink & { text: () => string } {
  const out: Uint8Array[] = [];
  return {
    write: (b) => void out.push(b),
    forwarded: () => {},
    cancelled: new AbortController().signal,
    text: () => out.map((b) => new TextDecoder().decode(b)).join(""),
  };
}

const info = (id: string): Uint8Array => encodeEvent({ event: "info", id, data: "{}" });
const comment: Uint8Array = encodeComment("thinking");

Deno.test("relay: one read pending at a time; heartbeats past the first-event deadline are slow", async () => {
  const { cur, maxPending } = scriptedStream([[20, comment], [20, comment], [200, info("1.1")]]);
  const out = sink();
  const end = await relay(cur, new ResumeLedger(), out, { idleMs: 1000, timeoutMs: 80 });
  assert.equal(end.kind, "failed");
  assert.equal(end.kind === "failed" && end.outcome.kind, "slow", "queued, not stalled");
  assert.equal(maxPending(), 1, "never a second read while one is pending");
});

Deno.test("relay: no chunk is lost; silence past the idle period is a timeout", async () => {
  const events = ["1.1", "2.1", "3.1"].map((id): [number, Uint8Array] => [15, info(id)]);
  const { cur, maxPending } = scriptedStream([...events, [500, info("4.1")]]);
  const out = sink();
  const end = await relay(cur, new ResumeLedger(), out, { idleMs: 100, timeoutMs: 1000 });
  assert.equal(end.kind === "failed" && end.outcome.kind, "timeout");
  assert.deepEqual([...out.text().matchAll(/id: (\S+)/g)].map((m) => m[1]), ["1.1", "2.1", "3.1"]);
  assert.equal(maxPending(), 1);
});

Deno.test("relay: a result ends it done; an error event or the end of the body is a cut", async () => {
  const result = encodeEvent({ event: "result", id: "result", data: "{}" });
  const done = await relay(
    scriptedStream([[1, info("1.1")], [1, result]]).cur,
    new ResumeLedger(),
    sink(),
    {
      idleMs: 1000,
      timeoutMs: 1000,
    },
  );
  assert.equal(done.kind, "done");
  const error = encodeEvent({ event: "error", data: "{}" });
  for (const script of [[[1, error]], []] as [number, Uint8Array][][]) {
    const end = await relay(scriptedStream(script).cur, new ResumeLedger(), sink(), {
      idleMs: 1000,
      timeoutMs: 1000,
    });
    assert.equal(end.kind === "failed" && end.outcome.kind, "stream_cut");
  }
});

Deno.test("relay: a client that leaves settles the pending read at once, as aborted", async () => {
  const { cur } = scriptedStream([[10_000, info("1.1")]]);
  const gone = new AbortController();
  const out = { ...sink(), cancelled: gone.signal };
  setTimeout(() => gone.abort(), 20);
  const end = await relay(cur, new ResumeLedger(), out, { idleMs: 60_000, timeoutMs: 60_000 });
  assert.equal(end.kind === "failed" && end.outcome.kind, "aborted");
});

Deno.test("relay: after a resume, events the client has are cut out of the spot's bytes", async () => {
  const chunk = new TextDecoder().decode(
    new Uint8Array([...info("1.1"), ...comment, ...info("2.1")]),
  );
  const bytes = new TextEncoder().encode(chunk);
  const result = encodeEvent({ event: "result", id: "result", data: "{}" });
  const { cur } = scriptedStream([[1, bytes], [1, info("3.1")], [1, result]]);
  const ledger = new ResumeLedger();
  ledger.seed({ depth: 1, multipv: 1 }, 1);
  const out = sink();
  const end = await relay(cur, ledger, out, { idleMs: 1000, timeoutMs: 1000 });
  assert.equal(end.kind, "done");
  assert.equal(
    out.text(),
    ": thinking\n\nevent: info\nid: 2.1\ndata: {}\n\nevent: info\nid: 3.1\ndata: {}\n\n" +
      "event: result\nid: result\ndata: {}\n\n",
  );
});

Deno.test("relay: an error event mid-chunk is not forwarded; what came before it is", async () => {
  const error = encodeEvent({ event: "error", data: "{}" });
  const bytes = new Uint8Array([...info("1.1"), ...error, ...info("2.1")]);
  const out = sink();
  const end = await relay(scriptedStream([[1, bytes]]).cur, new ResumeLedger(), out, {
    idleMs: 1000,
    timeoutMs: 1000,
  });
  assert.equal(end.kind === "failed" && end.outcome.kind, "stream_cut");
  assert.equal(out.text(), "event: info\nid: 1.1\ndata: {}\n\n");
});

Deno.test("relay: a reader that reads every chunk into one buffer loses and garbles nothing", async () => {
  // The upstream reader reuses its buffer (upstream/byte-reader.ts): what the relay forwards,
  // and the partial event it keeps, must be copies, since the next read overwrites them.
  const result = encodeEvent({ event: "result", id: "result", data: "{}" });
  const whole = new Uint8Array([...info("1.1"), ...comment, ...info("2.1"), ...result]);
  let shared = new ArrayBuffer(whole.length);
  const cuts = [5, 30, 31, 40, whole.length];
  let at = 0;
  const { cur } = scriptedStream(cuts.map((end): [number, Uint8Array] => {
    const piece = whole.slice(at, end);
    at = end;
    return [1, piece];
  }));
  const read = cur.upstream.reader!.read.bind(cur.upstream.reader);
  cur.upstream.reader!.read = async () => {
    const r = await read();
    if (r.done) return r;
    // As a BYOB read does: the memory moves to the new read (views of it are detached) and
    // holds what the last read left there, then this chunk.
    shared = shared.transfer();
    const view = new Uint8Array(shared);
    view.fill(0x21);
    view.set(r.value);
    return { done: false, value: view.subarray(0, r.value.length) };
  };
  const out = sink();
  const end = await relay(cur, new ResumeLedger(), out, { idleMs: 1000, timeoutMs: 1000 });
  // Writes are checked after the stream is over, when the shared buffer holds only the last read.
  assert.equal(end.kind, "done");
  assert.equal(out.text(), new TextDecoder().decode(whole));
});
