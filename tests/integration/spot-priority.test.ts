import assert from "node:assert/strict";
import { START, startSpot, streamUrl } from "../helpers/cluster.ts";
import { parseSse } from "../../src/sse/parse.ts";

const post = (url: string, depth: number, priority?: string) =>
  fetch(`${url}/analyze`, {
    method: "POST",
    headers: priority ? { "X-Priority": priority } : {},
    body: JSON.stringify({ fen: START, depth, multipv: 1 }),
  });

Deno.test("spot priority: an interactive stream takes a one-engine spot over from a batch search", async () => {
  const spot = await startSpot({ engines: 1, queue: 4 });
  try {
    // A batch search far too deep to finish during the test (depth 30 on the start position).
    const batch = post(spot.url, 30, "batch");
    await new Promise((r) => setTimeout(r, 300));
    const res = await fetch(streamUrl(spot.url, START, 6));
    const chunks: string[] = [];
    for await (const c of parseSse(res.body!)) {
      if (c.kind === "event") chunks.push(c.event.event ?? "");
      if (c.kind === "event" && c.event.event === "result") break;
    }
    assert.equal(chunks.at(-1), "result", "the interactive stream finished");
    const refused = await batch;
    assert.equal(refused.status, 503, "the batch search was stopped, not answered shallow");
    assert.equal((await refused.json()).error.code, "engine_busy");
    // With nothing interactive waiting, the same one engine serves batch work to the end.
    const served = await post(spot.url, 6, "batch");
    assert.equal(served.status, 200);
    assert.equal((await served.json()).depth, 6);
  } finally {
    await spot.stop();
  }
});

Deno.test("spot priority: a batch request waiting on a busy engine goes after interactive ones", async () => {
  const spot = await startSpot({ engines: 1, queue: 4 });
  try {
    const order: string[] = [];
    const first = post(spot.url, 20).then((r) => r.arrayBuffer()).then(() => order.push("i0"));
    await new Promise((r) => setTimeout(r, 100));
    const batch = post(spot.url, 6, "batch").then((r) => r.arrayBuffer()).then(() =>
      order.push("b")
    );
    await new Promise((r) => setTimeout(r, 100));
    const second = post(spot.url, 6).then((r) => r.arrayBuffer()).then(() => order.push("i1"));
    await Promise.all([first, batch, second]);
    assert.deepEqual(order, ["i0", "i1", "b"]);
  } finally {
    await spot.stop();
  }
});
