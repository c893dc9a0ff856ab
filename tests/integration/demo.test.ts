import assert from "node:assert/strict";
import { freePort, startDeno, waitForOk } from "../helpers/procs.ts";
import { checkSequence, readEvents, START, streamUrl } from "../helpers/cluster.ts";

Deno.test("demo: two Stockfish spots and the gateway answer through the printed URL, and stop on SIGTERM", async () => {
  const port = freePort();
  const demo = startDeno("src/demo.ts", [], {
    PORT: String(port),
    DEMO_SPOT1_PORT: String(freePort()),
    DEMO_SPOT2_PORT: String(freePort()),
  });
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitForOk(`${url}/readyz`, demo, 30_000);
    const res = await fetch(streamUrl(url, START, 8, 2));
    const events = await readEvents(res);
    const why = `via ${res.headers.get("x-engine-spot")}: ${
      JSON.stringify(events)
    }\n${demo.output()}`;
    assert.deepEqual(checkSequence(events), [], why);
    assert.match(demo.output(), /curl -N/);
    // Loopback only, and the gateway started after its spots: no first check failed.
    const lines = demo.output().split("\n").filter((l) => l.startsWith("{")).map((l) =>
      JSON.parse(l)
    );
    const listening = lines.filter((l) => / listening$/.test(l.msg)).map((l) => l.address);
    assert.equal(listening.length, 3, demo.output());
    for (const address of listening) assert.match(address, /^127\.0\.0\.1:\d+$/);
    const order = lines.filter((l) => / listening$/.test(l.msg)).map((l) => l.service);
    assert.deepEqual(order, ["spot", "spot", "spotgate"], "the gateway starts after its spots");
    assert.deepEqual(lines.filter((l) => /→ (degraded|down)/.test(l.msg)), [], demo.output());
  } finally {
    const status = await demo.stop("SIGTERM");
    assert.equal(status.code, 0, demo.output());
  }
});
