import assert from "node:assert/strict";
import {
  faultStats,
  readEvents,
  setFault,
  START,
  startFaultSpot,
  startGateway,
  streamUrl,
} from "../helpers/cluster.ts";

// These tests are about routing each request: the position cache (on by default) would answer
// the repeated positions itself, so it is off here (tests/integration/cache*.test.ts cover it).
const NO_CACHE = { CACHE: "off" };

async function waitFor(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

Deno.test("reload: a bad file on SIGHUP is refused and the gateway keeps serving; removing a spot drains it", async () => {
  const a = await startFaultSpot(), b = await startFaultSpot();
  const dir = await Deno.makeTempDir();
  const file = `${dir}/spots.json`;
  const write = (spots: unknown) =>
    Deno.writeTextFile(file, JSON.stringify({ spots, health_check_interval: 1 }));
  await write([{ id: "a", url: a.url, priority: 200 }, { id: "b", url: b.url }]);
  const gw = await startGateway({}, { ...NO_CACHE, ENGINE_SPOTS: "", SPOTS_FILE: file });
  try {
    await Deno.writeTextFile(file, '{"spots": [{"id": "a", "url": "ftp://user:pw@x"}]');
    gw.proc.child.kill("SIGHUP");
    await waitFor(
      () => gw.proc.output().includes("config reload refused"),
      "the refusal log",
    );
    const ok = await fetch(streamUrl(gw.url, START, 3));
    assert.equal(ok.headers.get("x-engine-spot"), "a");
    assert.equal((await readEvents(ok)).at(-1)?.event, "result");

    await setFault(a, "ok", 0, 150);
    const draining = await fetch(streamUrl(gw.url, START, 8));
    assert.equal(draining.headers.get("x-engine-spot"), "a");
    const events = readEvents(draining);
    await write([{ id: "b", url: b.url }]);
    gw.proc.child.kill("SIGHUP");
    await waitFor(() => gw.proc.output().includes('"removed":["a"]'), "the reload");
    const next = await fetch(streamUrl(gw.url, START, 2));
    assert.equal(next.headers.get("x-engine-spot"), "b");
    await readEvents(next);
    const drained = await events;
    assert.equal(
      drained.filter((e) => e.event === "info").length,
      8,
      "the in-flight stream finished on a",
    );
    assert.equal((await faultStats(b)).stream, 1, "only the new request went to b");
    const metrics = await (await fetch(`${gw.url}/metrics`)).text();
    assert.match(metrics, /spotgate_config_reloads_total\{result="error"\} [1-9]/);
    assert.match(metrics, /spotgate_config_reloads_total\{result="ok"\} [1-9]/);
  } finally {
    await gw.stop();
    await a.stop();
    await b.stop();
    await Deno.remove(dir, { recursive: true });
  }
});
