/** The console's routes and the status stream on a real gateway process (README "Console"). */
import assert from "node:assert/strict";
import { type Server, startFaultSpot, startGateway } from "../helpers/cluster.ts";
import { parseSse, type SseChunk } from "../../src/sse/parse.ts";
import type { SseEvent } from "../../src/sse/event.ts";
import { startDeno } from "../helpers/procs.ts";

/** Reads events from an open stream until `n` came or it ended (bounded by `timeoutMs`). */
async function readEvents(
  reader: ReadableStreamDefaultReader<SseChunk>,
  n: number,
  timeoutMs = 15_000,
) {
  const events: SseEvent[] = [];
  const deadline = Date.now() + timeoutMs;
  while (events.length < n && Date.now() < deadline) {
    const r = await reader.read();
    if (r.done) return { events, ended: true };
    if (r.value.kind === "event") events.push(r.value.event);
  }
  return { events, ended: false };
}

Deno.test("status stream: the /healthz data every second, no spot URL; it ends when the gateway drains", async () => {
  let spot: Server | undefined, gw: Server | undefined;
  try {
    spot = await startFaultSpot();
    gw = await startGateway({ "s-1": spot }, { DRAIN_TIMEOUT: "120" });
    const res = await fetch(`${gw.url}/healthz/events`);
    assert.equal(res.headers.get("content-type"), "text/event-stream; charset=utf-8");
    const reader = parseSse(res.body!).getReader();
    const { events } = await readEvents(reader, 3);
    assert.equal(events.length, 3);
    const healthz = await (await fetch(`${gw.url}/healthz`)).json();
    for (const e of events) {
      assert.equal(e.event, "status");
      const report = JSON.parse(e.data);
      assert.deepEqual(
        Object.keys(report).sort(),
        Object.keys(healthz).sort(),
        "the /healthz data",
      );
      assert.equal(report.spots[0].id, "s-1");
      assert.ok(!e.data.includes(`:${spot.port}`), "no spot URL");
    }
    assert.deepEqual(
      events.map((e) => Number(e.id)),
      [1, 2, 3].map((i) => Number(events[0]!.id) + i - 1),
    );
    const exited = gw.proc.child.status;
    gw.proc.child.kill("SIGTERM");
    const rest = await readEvents(reader, 100, 20_000);
    assert.equal(rest.ended, true, "the stream ended");
    assert.equal(JSON.parse(rest.events.at(-1)!.data).status, "draining");
    assert.equal(
      (await exited).code,
      0,
      "the gateway stopped without waiting for its drain timeout",
    );
  } finally {
    await gw?.stop();
    await spot?.stop();
  }
});

Deno.test("console: served by the gateway with its CSP, gzip and ETag; CONSOLE=off turns it off", async () => {
  let spot: Server | undefined, on: Server | undefined, off: Server | undefined;
  try {
    spot = await startFaultSpot();
    on = await startGateway({ "s-1": spot });
    const page = await fetch(`${on.url}/console/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get("content-security-policy")!, /script-src 'self'/);
    const html = await page.text();
    const script = /src="(main-[A-Z0-9]+\.js)"/.exec(html)![1]!;
    const js = await fetch(`${on.url}/console/${script}`, {
      headers: { "accept-encoding": "gzip" },
    });
    assert.equal(js.headers.get("content-encoding"), "gzip");
    assert.match(js.headers.get("cache-control")!, /immutable/);
    const etag = js.headers.get("etag")!;
    await js.body?.cancel();
    const again = await fetch(`${on.url}/console/${script}`, {
      headers: { "if-none-match": etag },
    });
    assert.equal(again.status, 304);
    await again.body?.cancel();
    off = await startGateway({ "s-1": spot }, { CONSOLE: "off" });
    for (const path of ["/", "/console/"]) {
      const res: Response = await fetch(`${off.url}${path}`, { redirect: "manual" });
      assert.equal(res.status, 404, path);
      assert.equal((await res.json()).error.code, "not_found");
    }
    const stream = await fetch(`${off.url}/healthz/events`);
    assert.equal(stream.status, 200, "the status stream stays");
    await stream.body?.cancel();
  } finally {
    await on?.stop();
    await off?.stop();
    await spot?.stop();
  }
});

Deno.test("deno task console:build: up to date when the bundle is fresh, built with --force", async () => {
  const run = async (...args: string[]) => {
    const proc = startDeno("src/console/build/cli.ts", args);
    await proc.child.status;
    const status = await proc.stop(); // it has exited: this waits for its output
    return { code: status.code, out: proc.output() };
  };
  const forced = await run("--force");
  assert.equal(forced.code, 0, forced.out);
  assert.match(
    forced.out,
    /console bundle built: dist\/console\/ \(index\.html, main-\w+\.js, style-\w+\.css\)/,
  );
  const again = await run();
  assert.match(again.out, /console bundle up to date/);
});
