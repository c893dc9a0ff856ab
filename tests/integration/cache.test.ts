import assert from "node:assert/strict";
import { checkSequence, faultStats, streamUrl } from "../helpers/cluster.ts";
import { analyze, POSITIONS, sleep, stream, withCluster } from "./cache-helpers.ts";

Deno.test("cache: a hit at lower depth and multipv contacts no spot, JSON and stream alike", async () => {
  await withCluster(1, async (gw, [spot]) => {
    const fen = POSITIONS[0]!;
    const miss = await stream(streamUrl(gw.url, fen, 8, 3));
    assert.equal(miss.cache, "miss");
    const before = await faultStats(spot!);
    const hit = await analyze(gw.url, { fen, depth: 5, multipv: 2 });
    assert.equal(hit.cache, "hit");
    assert.equal(hit.body.depth, 8, "the stored depth");
    assert.equal((hit.body.lines as unknown[]).length, 2, "lines cut to the request");
    const later = fen.replace(/ 0 1$/, " 6 30");
    const other = await stream(streamUrl(gw.url, later, 8, 1));
    assert.equal(other.cache, "hit", "other move counters: the same position");
    assert.deepEqual(other.events.map((e) => e.id), ["8.1", "result"]);
    assert.equal(JSON.parse(other.events[1]!.data).fen, later);
    assert.deepEqual(checkSequence(other.events), []);
    const after = await faultStats(spot!);
    assert.deepEqual([after.stream, after.analyze], [before.stream, before.analyze]);
  });
});

Deno.test("cache: a deeper request misses, then hits; no-cache bypasses and still stores", async () => {
  await withCluster(1, async (gw, [spot]) => {
    const fen = POSITIONS[1]!;
    assert.equal((await analyze(gw.url, { fen, depth: 6, multipv: 1 })).cache, "miss");
    assert.equal((await analyze(gw.url, { fen, depth: 7, multipv: 1 })).cache, "miss");
    assert.equal((await analyze(gw.url, { fen, depth: 7, multipv: 1 })).cache, "hit");
    assert.equal((await analyze(gw.url, { fen, depth: 6, multipv: 1 })).cache, "hit");
    assert.equal((await faultStats(spot!)).analyze, 2);
    const fresh = await analyze(gw.url, { fen, depth: 9, multipv: 1 }, {
      "Cache-Control": "no-cache",
    });
    assert.equal(fresh.cache, "bypass");
    const again = await analyze(gw.url, { fen, depth: 7, multipv: 1 }, {
      "Cache-Control": "no-cache",
    });
    assert.equal(again.cache, "bypass", "no-cache skips a lookup that would hit");
    assert.equal((await faultStats(spot!)).analyze, 4);
    assert.equal((await analyze(gw.url, { fen, depth: 9, multipv: 1 })).cache, "hit");
    const metrics = await (await fetch(`${gw.url}/metrics`)).text();
    assert.match(metrics, /spotgate_cache_requests_total\{result="bypass"\} 2/);
    assert.match(metrics, /spotgate_cache_requests_total\{result="hit"\} 3/);
    const health = (await (await fetch(`${gw.url}/healthz`)).json()).cache;
    assert.equal(health.backend, "memory");
    assert.equal(health.hit_ratio, 0.6);
  });
});

Deno.test("cache: a stream reconnecting with Last-Event-ID gets from a hit only what it lacks", async () => {
  await withCluster(1, async (gw, [spot]) => {
    const url = streamUrl(gw.url, POSITIONS[2]!, 5, 2);
    const whole = await stream(url);
    const resumed = await stream(url, { "Last-Event-ID": "5.1" });
    assert.equal(resumed.cache, "hit");
    assert.deepEqual(resumed.events, whole.events.slice(-2), "5.2 and the result");
    const done = await fetch(url, { headers: { "Last-Event-ID": "result" } });
    assert.equal(done.status, 204);
    assert.equal((await faultStats(spot!)).stream, 1);
  });
});

Deno.test("cache: a reconnect that misses runs a search of its own, resumed after its last event, and stores it", async () => {
  await withCluster(1, async (gw, [spot]) => {
    const url = streamUrl(gw.url, POSITIONS[4]!, 4, 2);
    const resumed = await stream(url, { "Last-Event-ID": "2.1" });
    assert.equal(resumed.cache, "miss");
    assert.deepEqual(resumed.events.map((e) => e.id), [
      "2.2",
      "3.1",
      "3.2",
      "4.1",
      "4.2",
      "result",
    ]);
    const fresh = await stream(url, { "Cache-Control": "no-cache" });
    assert.equal(fresh.cache, "bypass");
    assert.equal(fresh.events.length, 9);
    assert.equal((await stream(url)).cache, "hit");
    assert.equal((await faultStats(spot!)).stream, 2);
  });
});

Deno.test("cache: hits still count against the user's limit, and a hit gives its slot back at once", async () => {
  await withCluster(
    1,
    async (gw) => {
      const [p, q] = [POSITIONS[5]!, POSITIONS[6]!];
      const u1 = { "X-User-ID": "u1" };
      assert.equal(
        (await analyze(gw.url, { fen: p, depth: 4, multipv: 1 }, { "X-User-ID": "u2" })).cache,
        "miss",
      );
      const holding = new AbortController();
      const long = await fetch(streamUrl(gw.url, q, 30, 1), {
        headers: u1,
        signal: holding.signal,
      });
      await long.body!.getReader().read();
      const refused = await analyze(gw.url, { fen: p, depth: 4, multipv: 1 }, u1);
      assert.equal(refused.status, 429, "a hit takes a slot like any analysis");
      assert.equal(refused.cache, null, "refused before the cache was asked");
      holding.abort();
      await sleep(100);
      for (let i = 0; i < 5; i++) {
        // The hit's body is not read yet: its slot must be back all the same.
        const unread = await fetch(streamUrl(gw.url, p, 4, 1), { headers: u1 });
        assert.deepEqual([unread.status, unread.headers.get("x-cache")], [200, "hit"]);
        const j = await analyze(gw.url, { fen: p, depth: 4, multipv: 1 }, u1);
        assert.deepEqual(
          [j.status, j.cache],
          [200, "hit"],
          "the slot came back when the hit was sent",
        );
        await unread.body?.cancel();
      }
    },
    { ANALYSIS_USER_LIMIT: "1" },
    50,
  );
});

Deno.test("cache: CACHE=off answers every request from a spot with X-Cache: bypass", async () => {
  await withCluster(1, async (gw, [spot]) => {
    const body = { fen: POSITIONS[3], depth: 4, multipv: 1 };
    for (let i = 0; i < 3; i++) assert.equal((await analyze(gw.url, body)).cache, "bypass");
    assert.equal((await faultStats(spot!)).analyze, 3);
  }, { CACHE: "off" });
});
