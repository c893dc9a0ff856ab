/**
 * Upstream connections are reused across streams: with an idle pool of 4 per spot, 32
 * concurrent streams dialled a new connection to the spot for most streams (719 of 1000 in
 * the benchmark's load), each a TCP handshake and teardown on both sides.
 */
import assert from "node:assert/strict";
import { setFault, START, startFaultSpot, startGateway, streamUrl } from "../helpers/cluster.ts";
import { closedConnectionsTo } from "../helpers/sockets.ts";

Deno.test("streams: 96 streams, 32 at a time, reuse the gateway's connections to the spot", async () => {
  const spot = await startFaultSpot({ delayMs: 0 });
  await setFault(spot, "ok", 0, 0);
  // CACHE=off: each stream is a search on the spot (a cache hit would not reach it).
  const gw = await startGateway({ a: spot }, { CACHE: "off", LOG_LEVEL: "warn" });
  try {
    const before = await closedConnectionsTo(spot.port);
    for (let round = 0; round < 3; round++) {
      await Promise.all(Array.from({ length: 32 }, async () => {
        const text = await (await fetch(streamUrl(gw.url, START, 3, 1))).text();
        assert.match(text, /event: result/);
      }));
    }
    const dialled = (await closedConnectionsTo(spot.port)) - before;
    // A few may come from health checks; none per stream.
    assert.ok(dialled <= 4, `${dialled} connections to the spot were closed instead of reused`);
  } finally {
    await gw.stop();
    await spot.stop();
  }
});
