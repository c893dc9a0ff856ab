import assert from "node:assert/strict";
import {
  checkSequence,
  readEvents,
  startGateway,
  startSpot,
  streamUrl,
} from "../helpers/cluster.ts";

// These tests are about routing each request: the position cache (on by default) would answer
// the repeated positions itself, so it is off here (tests/integration/cache*.test.ts cover it).
const NO_CACHE = { CACHE: "off" };

const MIDDLEGAME = "r1bq1rk1/pp2bppp/2n1pn2/2pp4/3P4/2PBPN2/PP1N1PPP/R1BQ1RK1 w - - 4 9";

Deno.test("gateway + two Stockfish spots: spread, same event sequence as a spot, SIGKILL of a spot under 20 streams", async (t) => {
  const one = await startSpot({ engines: 2, queue: 30 }),
    two = await startSpot({ engines: 2, queue: 30 });
  const gw = await startGateway({ "sf-1": one, "sf-2": two }, NO_CACHE);
  try {
    await t.step("requests spread over both spots", async () => {
      const seen = new Map<string, number>();
      const all = await Promise.all(Array.from({ length: 12 }, () =>
        fetch(`${gw.url}/analyze`, {
          method: "POST",
          body: JSON.stringify({ fen: MIDDLEGAME, depth: 10, multipv: 1 }),
        })));
      for (const res of all) {
        assert.equal(res.status, 200);
        await res.json();
        const spot = res.headers.get("x-engine-spot")!;
        seen.set(spot, (seen.get(spot) ?? 0) + 1);
      }
      assert.deepEqual([...seen.keys()].sort(), ["sf-1", "sf-2"], JSON.stringify([...seen]));
    });
    await t.step("the event sequence through the gateway equals the spot's", async () => {
      const direct = await readEvents(await fetch(streamUrl(one.url, MIDDLEGAME, 9, 3)));
      const proxied = await readEvents(await fetch(streamUrl(gw.url, MIDDLEGAME, 9, 3)));
      assert.deepEqual(checkSequence(proxied), []);
      assert.deepEqual(
        proxied.map((e) => `${e.event}:${e.id}`),
        direct.map((e) => `${e.event}:${e.id}`),
      );
      const result = JSON.parse(proxied.at(-1)!.data);
      assert.equal(result.lines.length, 3);
    });
    await t.step(
      "a client that disconnects mid-stream makes the spot stop its engine",
      async () => {
        const ctl = new AbortController();
        const res = await fetch(streamUrl(gw.url, MIDDLEGAME, 30, 1), { signal: ctl.signal });
        const spot = res.headers.get("x-engine-spot") === "sf-1" ? one : two;
        const reader = res.body!.getReader();
        await reader.read();
        await new Promise((r) => setTimeout(r, 200));
        ctl.abort();
        await reader.cancel().catch(() => {});
        let busy = 1;
        for (let i = 0; i < 50 && busy > 0; i++) {
          await new Promise((r) => setTimeout(r, 100));
          busy = (await (await fetch(`${spot.url}/health`)).json()).busy;
        }
        assert.equal(busy, 0, "the depth-30 search was stopped, not left running");
      },
    );
    await t.step(
      "SIGKILL of a spot while 20 streams run: all 20 complete, no duplicate",
      async () => {
        const responses = await Promise.all(
          Array.from({ length: 20 }, () => fetch(streamUrl(gw.url, MIDDLEGAME, 13, 2))),
        );
        const reading = responses.map((r) => readEvents(r));
        await new Promise((r) => setTimeout(r, 150));
        await one.stop("SIGKILL");
        const all = await Promise.all(reading);
        for (const events of all) {
          assert.deepEqual(checkSequence(events), []);
          assert.equal(JSON.parse(events.at(-1)!.data).lines.length, 2);
        }
        const metrics = await (await fetch(`${gw.url}/metrics`)).text();
        assert.match(
          metrics,
          /spotgate_upstream_requests_total\{spot="sf-1",outcome="(stream_cut|connect_error)"\}/,
        );
      },
    );
  } finally {
    await gw.stop();
    await one.stop();
    await two.stop();
  }
});
