import assert from "node:assert/strict";
import { startSpot } from "../helpers/cluster.ts";

// The README says scores are from the side to move's point of view: a real Stockfish spot,
// the same position (white two queens up) with either side to move.
Deno.test("scores (cp, mate) are from the side to move's point of view", async () => {
  const spot = await startSpot();
  const score = async (fen: string) => {
    const res = await fetch(`${spot.url}/analyze`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ fen, depth: 8, multipv: 1 }),
    });
    assert.equal(res.status, 200);
    const s = (await res.json()).lines[0].score;
    return s.mate !== undefined ? Math.sign(s.mate) * 100_000 : s.cp;
  };
  try {
    assert.ok(await score("4k3/8/8/8/8/8/8/QQ2K3 w - - 0 1") > 500, "white to move: good for it");
    assert.ok(await score("4k3/8/8/8/8/8/8/QQ2K3 b - - 0 1") < -500, "black to move: bad for it");
  } finally {
    await spot.stop();
  }
});
