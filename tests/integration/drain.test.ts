import assert from "node:assert/strict";
import {
  checkSequence,
  readEvents,
  setFault,
  START,
  startFaultSpot,
  startGateway,
  streamUrl,
} from "../helpers/cluster.ts";

Deno.test("drain: SIGTERM with 20 open streams → all 20 complete, new connections refused, exit 0", async () => {
  const a = await startFaultSpot(), b = await startFaultSpot();
  await setFault(a, "ok", 0, 60);
  await setFault(b, "ok", 0, 60);
  const gw = await startGateway({ a, b });
  try {
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => fetch(streamUrl(gw.url, START, 12, 1))),
    );
    const reading = responses.map((r) => readEvents(r));
    await new Promise((r) => setTimeout(r, 100));
    gw.proc.child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 100));
    await assert.rejects(fetch(`${gw.url}/health`), "new connections are refused");
    for (const events of await Promise.all(reading)) {
      assert.deepEqual(checkSequence(events), []);
      assert.equal(events.filter((e) => e.event === "info").length, 12);
    }
    const status = await gw.proc.stop();
    assert.equal(status.code, 0, gw.proc.output());
    assert.match(gw.proc.output(), /"msg":"draining"/);
    // Log lines are written in batches; the last ones go out at exit: none is lost.
    const logged = gw.proc.output().split("\n").filter((l) =>
      l.includes('"msg":"request"') && l.includes('"route":"/analyze/stream"')
    );
    assert.equal(logged.length, 20, "one request line per stream, written before the exit");
    assert.match(gw.proc.output(), /"msg":"spotgate stopped"/, "the line logged last, at exit");
  } finally {
    await gw.stop();
    await a.stop();
    await b.stop();
  }
});

Deno.test("drain: streams still open at DRAIN_TIMEOUT end with an error event", async () => {
  const a = await startFaultSpot();
  await setFault(a, "ok", 0, 400);
  const gw = await startGateway({ a }, { DRAIN_TIMEOUT: "1" });
  try {
    const res = await fetch(streamUrl(gw.url, START, 20, 1));
    const reading = readEvents(res);
    await new Promise((r) => setTimeout(r, 200));
    gw.proc.child.kill("SIGTERM");
    const events = await reading;
    assert.equal(events.at(-1)?.event, "error");
    assert.match(events.at(-1)!.data, /shutting down/);
    assert.equal((await gw.proc.stop()).code, 0);
  } finally {
    await gw.stop();
    await a.stop();
  }
});
