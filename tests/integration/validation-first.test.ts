/** Validation comes before admission: an invalid request never waits on, or fails with, Redis. */
import assert from "node:assert/strict";
import { START, startFaultSpot, startGateway, streamUrl } from "../helpers/cluster.ts";

Deno.test("an invalid FEN is 400 even when Redis is gone and LIMITER_ON_REDIS_DOWN=deny", async () => {
  const spot = await startFaultSpot();
  const gw = await startGateway({ a: spot }, {
    REDIS_URL: "redis://127.0.0.1:1",
    LIMITER_ON_REDIS_DOWN: "deny",
  });
  try {
    const bad = await fetch(`${gw.url}/analyze`, {
      method: "POST",
      headers: { "X-User-ID": "u1" },
      body: JSON.stringify({ fen: "not a fen", depth: 5 }),
    });
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).error.code, "invalid_fen");
    const badStream = await fetch(`${gw.url}/analyze/stream?fen=x`, {
      headers: { "X-User-ID": "u1" },
    });
    assert.equal(badStream.status, 400);
    await badStream.body?.cancel();
    const good = await fetch(streamUrl(gw.url, START, 3), { headers: { "X-User-ID": "u1" } });
    assert.equal(good.status, 503, "a valid one meets the deny policy");
    assert.equal((await good.json()).error.code, "limiter_unavailable");
  } finally {
    await gw.stop();
    await spot.stop();
  }
});
