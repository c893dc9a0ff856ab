import assert from "node:assert/strict";
import { BufferedLineWriter, FLUSH_BYTES, type LineOutput } from "../../../src/obs/log-writer.ts";

/** An output that takes at most `max` bytes a write (as a pipe may) and records them. */
function output(max = Infinity): LineOutput & { text: () => string; writes: number } {
  const chunks: Uint8Array[] = [];
  let writes = 0;
  const take = (p: Uint8Array) => {
    writes++;
    const n = Math.min(max, p.length);
    chunks.push(p.slice(0, n));
    return n;
  };
  return {
    write: (p) => Promise.resolve(take(p)),
    writeSync: take,
    text: () => chunks.map((c) => new TextDecoder().decode(c)).join(""),
    get writes() {
      return writes;
    },
  };
}

Deno.test("log writer: lines go out in one batch within 100 ms, in order", async () => {
  const out = output();
  const w = new BufferedLineWriter(out);
  for (let i = 0; i < 50; i++) w.write(`{"n":${i}}`);
  assert.equal(out.writes, 0, "nothing written synchronously");
  await new Promise((r) => setTimeout(r, 150));
  assert.equal(out.writes, 1);
  assert.equal(out.text().split("\n").length, 51);
  assert.match(out.text(), /^\{"n":0\}\n\{"n":1\}/);
  await w.flush();
});

Deno.test("log writer: partial writes are continued; flush drains; flushSync at exit", async () => {
  const out = output(7);
  const w = new BufferedLineWriter(out);
  w.write("first line");
  w.write("second line");
  await w.flush();
  assert.equal(out.text(), "first line\nsecond line\n");
  w.write("last words");
  w.flushSync();
  assert.equal(out.text(), "first line\nsecond line\nlast words\n");
  w.flushSync();
  await w.flush();
  assert.equal(out.text().split("\n").length, 4, "nothing written twice");
});

Deno.test("log writer: a full buffer flushes at once; a closed output is not an error", async () => {
  const out = output();
  const w = new BufferedLineWriter(out);
  w.write("x".repeat(FLUSH_BYTES));
  await w.flush();
  assert.equal(out.writes, 1);
  const broken = new BufferedLineWriter({
    write: () => Promise.reject(new Error("closed")),
    writeSync: () => 0,
  });
  broken.write("lost");
  await broken.flush();
});
