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
    // The printed whole-game curls, run as printed: the Opera Game is analysed to the end.
    const printed = demo.output().split("\n").map((l) => l.trim());
    const submit = printed.find((l) => l.startsWith("JOB=$(curl"));
    const follow = printed.find((l) => l.includes("/events"));
    assert.ok(submit && follow, demo.output());
    const run = await new Deno.Command("bash", {
      args: ["-c", `${submit}\ntimeout 120 ${follow}`],
      stdout: "piped",
    }).output();
    const sse = new TextDecoder().decode(run.stdout);
    assert.match(sse, /event: game\nid: \d+\ndata: \{"game_id":"opera-1858","phase":1,"depth":8/);
    assert.match(sse, /"phase":2,"depth":14/);
    assert.match(sse, /event: done\n/);
  } finally {
    const status = await demo.stop("SIGTERM");
    assert.equal(status.code, 0, demo.output());
  }
});
