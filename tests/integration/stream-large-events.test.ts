/**
 * Events larger than the buffer the gateway reads a spot's stream into (8 KiB, reused for
 * every read: src/upstream/byte-reader.ts) arrive whole and in order, also when the stream
 * is resumed on another spot after its first spot dropped the connection mid-stream.
 */
import assert from "node:assert/strict";
import {
  checkSequence,
  readSse,
  setFault,
  START,
  startFaultSpot,
  startGateway,
  streamUrl,
} from "../helpers/cluster.ts";

const PAD = 20_000;

Deno.test("streams: 20 KB events come whole through the gateway, resumed on another spot too", async () => {
  const a = await startFaultSpot({ delayMs: 20 }), b = await startFaultSpot({ delayMs: 20 });
  // CACHE=off: both requests reach a spot (the second would otherwise be a cache hit).
  const gw = await startGateway({ a, b }, { CACHE: "off" });
  try {
    for (const mode of ["ok", "close"]) {
      // `close` on both: whichever spot the stream starts on drops it after 4 events, the
      // other (which then serves `ok`) carries the resumed stream to its end.
      await setFault(a, mode, 4, undefined, { pad: PAD });
      await setFault(b, mode, 4, undefined, { pad: PAD });
      const res = await fetch(streamUrl(gw.url, START, 8, 2));
      assert.equal(res.status, 200);
      const other = res.headers.get("x-engine-spot") === "a" ? b : a;
      if (mode === "close") await setFault(other, "ok", 3, undefined, { pad: PAD });
      const chunks = await readSse(res);
      const resumed = chunks.some((c) => c.kind === "comment" && c.text.startsWith("resumed on"));
      assert.equal(resumed, mode === "close", `mode ${mode}: resumed on the other spot or not`);
      const events = chunks.flatMap((c) => c.kind === "event" ? [c.event] : []);
      assert.deepEqual(checkSequence(events), [], `mode ${mode}`);
      const infos = events.filter((e) => e.event === "info");
      assert.equal(infos.length, 16, `mode ${mode}: every info event once`);
      for (const e of infos) assert.equal(JSON.parse(e.data).pad.length, PAD);
    }
  } finally {
    await gw.stop();
    await a.stop();
    await b.stop();
  }
});
