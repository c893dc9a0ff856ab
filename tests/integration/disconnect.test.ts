/**
 * Clients that drop: hundreds of streams cancelled at once must leave no upstream connection
 * open and no engine searching, within 2 s (a disconnect is an end everywhere).
 */
import assert from "node:assert/strict";
import {
  faultStats,
  type Server,
  START,
  startFaultSpot,
  startGateway,
  startSpot,
  streamUrl,
} from "../helpers/cluster.ts";
import { connectionsTo, eventually } from "../helpers/sockets.ts";
import { STREAM_POOL_IDLE } from "../../src/upstream/stream-pool.ts";

/**
 * Opens `n` streams over raw TCP (a socket closes at once, unlike a fetch whose abort the
 * client's pool may act on later), waits until each has delivered `until`, then closes them
 * all in the same tick, as hundreds of browser tabs closing would.
 */
async function openThenDrop(
  gw: Server,
  n: number,
  depth: number,
  until: string,
  holdMs = 0,
): Promise<void> {
  const path = new URL(streamUrl(gw.url, START, depth, 1));
  const request = `GET ${path.pathname}${path.search} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;
  const conns = await Promise.all(Array.from({ length: n }, async () => {
    const conn = await Deno.connect({ hostname: "127.0.0.1", port: gw.port });
    await conn.write(new TextEncoder().encode(request));
    const buf = new Uint8Array(4096);
    let seen = "";
    while (!seen.includes(until)) {
      const got = await conn.read(buf);
      if (got === null) break;
      seen += new TextDecoder().decode(buf.subarray(0, got));
    }
    assert.match(seen, /^HTTP\/1.1 200/, "the stream opened");
    return conn;
  }));
  await new Promise((r) => setTimeout(r, holdMs));
  for (const conn of conns) conn.close();
}

Deno.test("disconnect: 300 streams dropped at once leave no upstream connection open", async () => {
  const spot = await startFaultSpot({ delayMs: 100 });
  // CACHE=off: each client gets its own upstream stream (coalescing would merge them into one).
  const gw = await startGateway({ a: spot }, { CACHE: "off" });
  try {
    for (let round = 0; round < 2; round++) {
      await openThenDrop(gw, 300, 30, "event: info");
      const open = await eventually(() => faultStats(spot), (s) => s.open_streams === 0, 2000);
      assert.equal(open.open_streams, 0, `round ${round}: streams still produced on the spot`);
      // Left: at most the streams' few pooled idle connections and the health checks' one.
      const left = STREAM_POOL_IDLE + 1;
      const conns = await eventually(() => connectionsTo(spot.port), (n) => n <= left, 2000);
      assert.ok(conns <= left, `round ${round}: ${conns} gateway→spot connections still open`);
      const healthz = await (await fetch(`${gw.url}/healthz`)).json();
      assert.equal(healthz.in_flight, 0);
    }
  } finally {
    await gw.stop();
    await spot.stop();
  }
});

Deno.test("disconnect: dropped streams leave no Stockfish engine searching", async () => {
  const spot = await startSpot({ engines: 4, queue: 30 });
  const gw = await startGateway({ a: spot }, { CACHE: "off" });
  try {
    // 12 streams on 4 engines: 4 search, 8 wait in the spot's queue, past the gateway's
    // first-event timeout (5 s here) with the spot's heartbeats coming; then all are dropped.
    await openThenDrop(gw, 12, 30, ": spotgate", 6_000);
    const busy = async () => (await (await fetch(`${spot.url}/health`)).json()).busy as number;
    assert.equal(await eventually(busy, (b) => b === 0, 2000), 0, "engines still busy");
    const healthz = await (await fetch(`${gw.url}/healthz`)).json();
    assert.equal(healthz.in_flight, 0);
    assert.equal(healthz.spots[0].circuit, "closed", "queued streams are no failures");
    assert.equal(healthz.spots[0].status, "healthy");
  } finally {
    await gw.stop();
    await spot.stop();
  }
});

Deno.test("disconnect: 300 joined streams (one coalesced search) dropped at once stop it", async () => {
  const spot = await startFaultSpot({ delayMs: 100 });
  const gw = await startGateway({ a: spot });
  try {
    await openThenDrop(gw, 300, 30, "event: info");
    assert.equal((await faultStats(spot)).stream, 1, "one search for all 300");
    const open = await eventually(() => faultStats(spot), (s) => s.open_streams === 0, 2000);
    assert.equal(open.open_streams, 0, "the shared search still produced on the spot");
    const healthz = await (await fetch(`${gw.url}/healthz`)).json();
    assert.equal(healthz.in_flight, 0);
  } finally {
    await gw.stop();
    await spot.stop();
  }
});
