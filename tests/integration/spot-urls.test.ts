import assert from "node:assert/strict";
import {
  faultStats,
  readEvents,
  START,
  startFaultSpot,
  startGateway,
  streamUrl,
} from "../helpers/cluster.ts";
import { waitForOk } from "../helpers/procs.ts";
import { eventually } from "../helpers/sockets.ts";

Deno.test("spot URLs: a spot behind a path prefix gets /health, /analyze and /analyze/stream under it", async () => {
  const spot = await startFaultSpot({ prefix: "/sf1" });
  // CACHE=off: the stream repeats the JSON request's position, which the cache would answer.
  const gw = await startGateway({ p: `${spot.url}/sf1`, q: `${spot.url}/sf1/` }, { CACHE: "off" });
  try {
    // /readyz needs a passed check: GET /sf1/health answered for the spots.
    await waitForOk(`${gw.url}/readyz`, gw.proc, 10_000);
    const json = await fetch(`${gw.url}/analyze`, {
      method: "POST",
      body: JSON.stringify({ fen: START, depth: 2, multipv: 1 }),
      headers: { "content-type": "application/json" },
    });
    assert.equal(json.status, 200, await json.clone().text());
    assert.equal((await json.json()).bestmove, "e2e4");
    const stream = await fetch(streamUrl(gw.url, START, 2));
    assert.equal(stream.status, 200);
    assert.equal((await readEvents(stream)).at(-1)?.event, "result");
    const stats = await faultStats(spot);
    assert.equal(stats.analyze, 1);
    assert.equal(stats.stream, 1);
    // Both spots are checked under the prefix; the second's first check may come a second later.
    const healthz = await eventually(
      async () => await (await fetch(`${gw.url}/healthz`)).json(),
      (h) => h.spots.every((s: { status: string }) => s.status === "healthy"),
      5000,
    );
    const statuses = healthz.spots.map((s: { status: string }) => s.status);
    assert.deepEqual(statuses, ["healthy", "healthy"], JSON.stringify(healthz));
    assert.ok((await faultStats(spot)).health >= 2, "both spots were checked under the prefix");
  } finally {
    await gw.stop();
    await spot.stop();
  }
});
