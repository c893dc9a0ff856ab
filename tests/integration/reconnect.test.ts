/**
 * SSE reconnects as browsers make them: a WHATWG EventSource (npm `eventsource`) reconnects
 * after the stream ends, with `Last-Event-ID`; the gateway must not start a search each time.
 */
import assert from "node:assert/strict";
import { EventSource } from "eventsource";
import {
  checkSequence,
  faultStats,
  readEvents,
  type Server,
  START,
  startFaultSpot,
  startGateway,
  streamUrl,
} from "../helpers/cluster.ts";

// These tests are about routing each request: the position cache (on by default) would answer
// the repeated positions itself, so it is off here (tests/integration/cache*.test.ts cover it).
const NO_CACHE = { CACHE: "off" };

async function withGateway(fn: (gw: Server, spot: Server) => Promise<void>): Promise<void> {
  const spot = await startFaultSpot({ delayMs: 5 });
  const gw = await startGateway({ a: spot }, NO_CACHE);
  try {
    await fn(gw, spot);
  } finally {
    await gw.stop();
    await spot.stop();
  }
}

Deno.test("reconnect: an EventSource left open on a finished stream makes one analysis in 10 s", async () => {
  await withGateway(async (gw, spot) => {
    const es = new EventSource(streamUrl(gw.url, START, 4, 1));
    const ids: string[] = [];
    es.addEventListener("info", (e) => ids.push(e.lastEventId));
    es.addEventListener("result", (e) => ids.push(e.lastEventId));
    await new Promise((r) => setTimeout(r, 10_000));
    const state = es.readyState;
    es.close();
    assert.equal((await faultStats(spot)).stream, 1, "analyses started on the spot");
    assert.deepEqual(ids, ["1.1", "2.1", "3.1", "4.1", "result"]);
    assert.equal(state, EventSource.CLOSED, "a 204 tells the EventSource to stop");
  });
});

Deno.test("reconnect: Last-Event-ID result is 204; <depth>.<multipv> resumes with no repeat", async () => {
  await withGateway(async (gw) => {
    const url = streamUrl(gw.url, START, 6, 2);
    const done = await fetch(url, { headers: { "Last-Event-ID": "result" } });
    assert.equal(done.status, 204);
    await done.body?.cancel();
    const resumed = await fetch(url, { headers: { "Last-Event-ID": "3.1" } });
    assert.equal(resumed.status, 200);
    const events = await readEvents(resumed);
    assert.deepEqual(checkSequence(events), []);
    assert.deepEqual(events.map((e) => e.id), [
      "3.2",
      "4.1",
      "4.2",
      "5.1",
      "5.2",
      "6.1",
      "6.2",
      "result",
    ]);
    const fresh = await fetch(url, { headers: { "Last-Event-ID": "garbage" } });
    const all = await readEvents(fresh);
    assert.equal(all.length, 13, "an unparseable id gets the whole stream");
  });
});

Deno.test("reconnect: streams tell the client how long to wait before reconnecting", async () => {
  await withGateway(async (gw) => {
    const res = await fetch(streamUrl(gw.url, START, 2, 1));
    const text = await res.text();
    assert.match(text, /^retry: \d+$/m);
  });
});
