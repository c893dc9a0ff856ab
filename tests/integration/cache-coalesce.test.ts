import assert from "node:assert/strict";
import { checkSequence, faultStats, setFault, streamUrl } from "../helpers/cluster.ts";
import { eventually } from "../helpers/sockets.ts";
import { analyze, POSITIONS, sleep, stream, withCluster } from "./cache-helpers.ts";

Deno.test("coalescing: 30 concurrent identical streams and 5 late joiners are 1 spot search, 35 identical streams", async () => {
  await withCluster(
    1,
    async (gw, [spot]) => {
      const url = streamUrl(gw.url, POSITIONS[0]!, 10, 2);
      const early = Array.from({ length: 30 }, () => stream(url));
      await sleep(200); // mid-search: a few events are out already
      const late = Array.from({ length: 5 }, () => stream(url));
      const all = await Promise.all([...early, ...late]);
      assert.equal((await faultStats(spot!)).stream, 1, "one search on the spot");
      const first = all[0]!.events;
      assert.equal(first.length, 21, "20 info events and the result");
      assert.deepEqual(checkSequence(first), []);
      for (const got of all) assert.deepEqual(got.events, first, "every client: the same stream");
      const caches = all.map((g) => g.cache).sort();
      assert.deepEqual(caches, ["coalesced", ...Array(33).fill("coalesced"), "miss"].sort());
      const lateCaches = (await Promise.all(late)).map((g) => g.cache);
      assert.deepEqual(lateCaches, Array(5).fill("coalesced"), "late joiners joined, not hit");
    },
    {},
    30,
  );
});

Deno.test("coalescing: 2 of 3 joined clients leaving leave the third complete; all 3 leaving stop the search", async () => {
  await withCluster(
    1,
    async (gw, [spot]) => {
      const url = streamUrl(gw.url, POSITIONS[1]!, 20, 1);
      const leaving = [new AbortController(), new AbortController()];
      const readers = leaving.map(async (c) => {
        const res = await fetch(url, { signal: c.signal });
        const reader = res.body!.getReader();
        await reader.read();
        return reader;
      });
      const staying = stream(url);
      await Promise.all(readers);
      await sleep(150);
      for (const c of leaving) c.abort();
      const got = await staying;
      assert.deepEqual(checkSequence(got.events), []);
      assert.equal(got.events.length, 21);
      assert.equal((await faultStats(spot!)).stream, 1);

      const three = Array.from({ length: 3 }, () => new AbortController());
      const url2 = streamUrl(gw.url, POSITIONS[2]!, 30, 1);
      await Promise.all(three.map(async (c) => {
        const res = await fetch(url2, { signal: c.signal });
        await res.body!.getReader().read();
      }));
      assert.equal((await faultStats(spot!)).open_streams, 1, "one search for the three");
      for (const c of three) c.abort();
      const open = await eventually(() => faultStats(spot!), (s) => s.open_streams === 0, 3000);
      assert.equal(open.open_streams, 0, "the spot's search was stopped");
      assert.equal(open.stream, 2);
    },
    {},
    50,
  );
});

Deno.test("coalescing: a joined stream whose spot dies mid-way resumes on another spot for every joiner", async () => {
  await withCluster(2, async (gw, [a, b]) => {
    await setFault(a!, "close", 4);
    const url = streamUrl(gw.url, POSITIONS[3]!, 6, 2);
    const first = stream(url);
    await sleep(50);
    const all = await Promise.all([first, stream(url), stream(url)]);
    assert.equal((await faultStats(a!)).stream, 1);
    assert.equal((await faultStats(b!)).stream, 1, "the shared search re-ran once on b");
    for (const got of all) {
      assert.deepEqual(checkSequence(got.events), []);
      assert.deepEqual(got.events, all[0]!.events);
      assert.ok(got.comments.includes("resumed on s1"), got.comments.join("|"));
    }
    assert.equal(all[0]!.events.length, 13);
  });
});

Deno.test("coalescing: JSON and stream requests share one search; JSON ones share one too", async () => {
  await withCluster(1, async (gw, [spot]) => {
    const fen = POSITIONS[4]!;
    const s = stream(streamUrl(gw.url, fen, 8, 1));
    await sleep(60);
    const j = await analyze(gw.url, { fen, depth: 8, multipv: 1 });
    assert.equal(j.cache, "coalesced");
    const got = await s;
    assert.deepEqual(j.body, JSON.parse(got.events.at(-1)!.data));
    const jsons = await Promise.all(
      Array.from(
        { length: 20 },
        () => analyze(gw.url, { fen: POSITIONS[5], depth: 3, multipv: 1 }),
      ),
    );
    assert.ok(jsons.every((r) => r.status === 200));
    assert.deepEqual(jsons.map((r) => r.cache).filter((c) => c === "miss"), ["miss"]);
    const stats = await faultStats(spot!);
    assert.deepEqual([stats.stream, stats.analyze], [1, 1]);
  });
});

Deno.test("coalescing: past COALESCE_MAX_WAITERS a request runs its own search", async () => {
  await withCluster(1, async (gw, [spot]) => {
    const url = streamUrl(gw.url, POSITIONS[6]!, 6, 1);
    const all = await Promise.all(Array.from({ length: 4 }, () => stream(url)));
    assert.deepEqual(all.map((g) => g.cache).sort(), ["coalesced", "coalesced", "miss", "miss"]);
    assert.equal((await faultStats(spot!)).stream, 2);
  }, { COALESCE_MAX_WAITERS: "2" });
});
