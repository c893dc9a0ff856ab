import assert from "node:assert/strict";
import { encodeComment, encodeEvent, formatEvent } from "../../../src/sse/format.ts";
import { parseSse, type SseChunk } from "../../../src/sse/parse.ts";

async function parseChunks(chunks: string[]): Promise<SseChunk[]> {
  const enc = new TextEncoder();
  const body = ReadableStream.from(chunks.map((c) => enc.encode(c)));
  return await Array.fromAsync(parseSse(body));
}

Deno.test("formatEvent writes event, id and multi-line data; refuses CR/LF in fields", () => {
  assert.equal(
    formatEvent({ event: "info", id: "1.1", data: "a\nb" }),
    "event: info\nid: 1.1\ndata: a\ndata: b\n\n",
  );
  assert.throws(() => formatEvent({ event: "x\ny", data: "" }), /line break/);
  assert.throws(() => formatEvent({ id: "1\r", data: "" }), /line break/);
});

Deno.test("parseSse round-trips events split at any byte, with CRLF, CR and comments", async () => {
  const wire = new TextDecoder().decode(encodeComment("thinking")) +
    new TextDecoder().decode(encodeEvent({ event: "info", id: "2.1", data: '{"a":1}' })) +
    "event: result\r\nid: result\r\ndata: x\r\ndata:y\r\n\r\n" + "data: z\r\rid\n\n";
  for (const size of [1, 3, 7, 1000]) {
    const parts: string[] = [];
    for (let i = 0; i < wire.length; i += size) parts.push(wire.slice(i, i + size));
    const got = await parseChunks(parts);
    assert.deepEqual(got, [
      { kind: "comment", text: "thinking" },
      { kind: "event", event: { event: "info", id: "2.1", data: '{"a":1}' } },
      { kind: "event", event: { event: "result", id: "result", data: "x\ny" } },
      { kind: "event", event: { data: "z" } },
    ], `chunk size ${size}`);
  }
});

Deno.test("parseSse drops events without data and ids with NUL", async () => {
  const got = await parseChunks([
    "event: ping\n\n",
    "id: a\0b\ndata: 1\n\n",
    "unknown: 1\ndata\n\n",
  ]);
  assert.deepEqual(got, [
    { kind: "event", event: { data: "1" } },
    { kind: "event", event: { data: "" } },
  ]);
});
