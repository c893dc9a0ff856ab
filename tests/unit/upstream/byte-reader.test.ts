import assert from "node:assert/strict";
import { chunkReader, READ_BUFFER_BYTES } from "../../../src/upstream/byte-reader.ts";

const enc = new TextEncoder(), dec = new TextDecoder();

/** A byte stream (as a fetch body is) of `chunks`. */
function byteBody(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    type: "bytes",
    pull(ctl) {
      const next = chunks.shift();
      if (next) return ctl.enqueue(next);
      ctl.close();
      ctl.byobRequest?.respond(0); // a pending BYOB read settles as done
    },
  });
}

Deno.test("chunkReader: every chunk of a byte stream is read into the same buffer", async () => {
  const sent = ["event: info\nid: 1.1\n\n", ": thinking\n\n", "event: result\n\n"];
  const reader = chunkReader(byteBody(sent.map((s) => enc.encode(s))));
  const buffers: ArrayBufferLike[] = [];
  const got: string[] = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    assert.equal(r.value.buffer.byteLength, READ_BUFFER_BYTES);
    buffers.push(r.value.buffer);
    got.push(dec.decode(r.value));
  }
  assert.deepEqual(got, sent);
  // Each read took the last one's memory (a transfer detaches the old ArrayBuffer object), so
  // no buffer was allocated per chunk.
  assert.deepEqual(buffers.map((b) => b.byteLength), [0, 0, 0]);
});

Deno.test("chunkReader: a chunk larger than the buffer comes in pieces, nothing lost", async () => {
  const big = enc.encode("x".repeat(READ_BUFFER_BYTES * 2 + 10));
  const length = big.length; // the stream takes `big`'s buffer
  const reader = chunkReader(byteBody([big]));
  let total = 0, reads = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    (total += r.value.length, reads++);
  }
  assert.equal(total, length);
  assert.equal(reads, 3);
});

Deno.test("chunkReader: a body that is not a byte stream is read as it is; cancel reaches it", async () => {
  let cancelled: unknown;
  const body = new ReadableStream<Uint8Array>({
    start: (ctl) => ctl.enqueue(enc.encode("a")),
    cancel: (reason) => void (cancelled = reason),
  });
  const reader = chunkReader(body);
  const r = await reader.read();
  assert.equal(!r.done && dec.decode(r.value), "a");
  await reader.cancel("gone");
  assert.equal(cancelled, "gone");
});
