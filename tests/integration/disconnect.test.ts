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

/** Opens `n` streams, waits until each has delivered its first event, then aborts them all. */
async function openThenDrop(gw: Server, n: number, depth: number): Promise<void> {
  const aborts = Array.from({ length: n }, () => new AbortController());
  const opened = await Promise.all(aborts.map(async (ctl) => {
    const res = await fetch(streamUrl(gw.url, START, depth, 1), { signal: ctl.signal });
    if (res.status !== 200) {
      await res.body?.cancel();
      return false;
    }
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let seen = "";
    while (!seen.includes("event: info")) {
      const r = await reader.read();
      if (r.done) break;
      seen += decoder.decode(r.value);
    }
    return true;
  }));
  assert.equal(opened.filter(Boolean).length, n, "every stream opened");
  for (const ctl of aborts) ctl.abort();
}

Deno.test("disconnect: 300 streams dropped at once leave no upstream connection open", async () => {
  const spot = await startFaultSpot({ delayMs: 100 });
  const gw = await startGateway({ a: spot });
  try {
    for (let round = 0; round < 2; round++) {
      await openThenDrop(gw, 300, 30);
      const open = await eventually(() => faultStats(spot), (s) => s.open_streams === 0, 2000);
      assert.equal(open.open_streams, 0, `round ${round}: streams still produced on the spot`);
      const conns = await eventually(() => connectionsTo(spot.port), (n) => n <= 2, 2000);
      assert.ok(conns <= 2, `round ${round}: ${conns} gateway→spot connections still open`);
      const healthz = await (await fetch(`${gw.url}/healthz`)).json();
      assert.equal(healthz.in_flight, 0);
    }
  } finally {
    await gw.stop();
    await spot.stop();
  }
});

Deno.test("disconnect: dropped streams leave no Stockfish engine searching", async () => {
  const spot = await startSpot({ engines: 2, queue: 30 });
  const gw = await startGateway({ a: spot });
  try {
    await openThenDrop(gw, 20, 30);
    const busy = async () => (await (await fetch(`${spot.url}/health`)).json()).busy as number;
    assert.equal(await eventually(busy, (b) => b === 0, 2000), 0, "engines still busy");
    const healthz = await (await fetch(`${gw.url}/healthz`)).json();
    assert.equal(healthz.in_flight, 0);
    assert.equal(healthz.spots[0].circuit, "closed");
  } finally {
    await gw.stop();
    await spot.stop();
  }
});
