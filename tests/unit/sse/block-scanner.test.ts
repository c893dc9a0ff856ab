import assert from "node:assert/strict";
import { BlockType, SseBlockScanner } from "../../../src/sse/block-scanner.ts";

const enc = new TextEncoder(), dec = new TextDecoder();

interface Seen {
  text: string;
  type: BlockType;
  depth: number;
  multipv: number;
  id?: string;
}

/** Feeds `chunks` and returns every complete block, plus the bytes still pending. */
function scan(chunks: string[]): { blocks: Seen[]; pending: number } {
  const s = new SseBlockScanner();
  const blocks: Seen[] = [];
  for (const c of chunks) {
    const chunk = enc.encode(c);
    s.feed(chunk);
    while (s.next()) {
      const id = s.idStart >= 0 ? dec.decode(s.buffer.subarray(s.idStart, s.idEnd)) : undefined;
      blocks.push({
        text: dec.decode(s.buffer.subarray(s.start, s.end)),
        type: s.type,
        depth: s.depth,
        multipv: s.multipv,
        ...(id === undefined ? {} : { id }),
      });
    }
    // As the upstream reader does: the chunk's memory is read into again after this.
    s.keepPending();
    chunk.fill(0x21);
  }
  return { blocks, pending: s.pending };
}

const STREAM = [
  ": queued\n\n",
  'event: info\nid: 12.3\ndata: {"depth":12}\n\n',
  ": thinking\n\n",
  "event: info\nid: 13.1\ndata: line one\ndata: line two\n\n",
  "event: result\nid: result\ndata: {}\n\n",
];

Deno.test("block scanner: every block, its type and info id, split at every byte offset", () => {
  for (const eol of ["\n", "\r\n", "\r"]) {
    const blocks = STREAM.map((b) => b.replaceAll("\n", eol));
    const whole = blocks.join("");
    for (let cut = 0; cut <= whole.length; cut++) {
      // A stream ending in a lone CR waits for the next byte: end it with one more block.
      const { blocks: seen } = scan([whole.slice(0, cut), whole.slice(cut), `: end${eol}${eol}`]);
      const where = `eol ${JSON.stringify(eol)}, cut at ${cut}`;
      assert.equal(seen.slice(0, 5).map((b) => b.text).join(""), whole, `bytes kept, ${where}`);
      assert.deepEqual(seen.slice(0, 5).map((b) => b.type), [
        BlockType.None,
        BlockType.Info,
        BlockType.None,
        BlockType.Info,
        BlockType.Result,
      ], where);
      assert.deepEqual([seen[1]!.depth, seen[1]!.multipv, seen[3]!.depth, seen[3]!.multipv], [
        12,
        3,
        13,
        1,
      ]);
      assert.equal(seen[4]!.id, "result");
    }
  }
});

Deno.test("block scanner: a partial block is kept whole until its end arrives", () => {
  const { blocks, pending } = scan(["event: info\nid: 1.1\nda", "ta: x\n"]);
  assert.equal(blocks.length, 0);
  assert.equal(pending, "event: info\nid: 1.1\ndata: x\n".length);
});

Deno.test("block scanner: ids and types it cannot place, events without data, bare fields", () => {
  const { blocks } = scan([
    "id:\ndata: x\n\n", // an id: without a value
    "event: info\nid: 7\ndata: x\n\n", // not depth.multipv
    "event: info\nid: 7.\ndata: x\n\n",
    "event: info\nid: .7\ndata: x\n\n",
    "event: info\nid: 7.1x\ndata: x\n\n",
    "event: info\nid: 7.1\n\n", // no data: nothing is dispatched
    "event: error\ndata: {}\n\n",
    "event: custom\ndata: {}\n\n",
    "data\n\n", // a field without a colon
    "\n", // a lone blank line
  ]);
  assert.deepEqual(blocks.map((b) => b.type), [
    BlockType.Other,
    BlockType.Info,
    BlockType.Info,
    BlockType.Info,
    BlockType.Info,
    BlockType.None,
    BlockType.Error,
    BlockType.Other,
    BlockType.Other,
    BlockType.None,
  ]);
  assert.equal(blocks[0]!.id, "");
  assert.deepEqual(blocks.slice(1, 5).map((b) => [b.depth, b.multipv]), [
    [-1, -1],
    [-1, -1],
    [-1, -1],
    [-1, -1],
  ]);
});
