import assert from "node:assert/strict";
import { StatusFeed } from "../../../src/http/routes/status-feed.ts";

Deno.test("status feed: one build per tick for every listener; the timer runs only while someone listens", async () => {
  let builds = 0;
  let draining = false;
  const errors: unknown[] = [];
  const feed = new StatusFeed({
    build: () => {
      builds += 1;
      if (builds === 3) return Promise.reject(new Error("boom"));
      return Promise.resolve({ n: builds, draining });
    },
    final: (r) => (r as { draining: boolean }).draining,
    intervalMs: 10,
    onError: (e) => errors.push(e),
  });
  const a: [unknown, number, boolean][] = [];
  const b: number[] = [];
  const stopA = feed.subscribe((r, seq, last) => a.push([r, seq, last]));
  await feed.tick();
  const stopB = feed.subscribe((_r, seq) => b.push(seq));
  assert.equal(b[0], a.at(-1)![1], "a new listener gets the latest report at once");
  for (let i = 0; i < 50 && a.length < 4; i++) await new Promise((r) => setTimeout(r, 10));
  assert.equal(errors.length, 1, "a failed build is reported and skipped");
  const seqs = a.map(([, s]) => s);
  assert.deepEqual(seqs, [...seqs].sort((x, y) => x - y), "ids increase");
  assert.equal(feed.size, 2);
  draining = true;
  for (let i = 0; i < 50 && !a.at(-1)![2]; i++) await new Promise((r) => setTimeout(r, 10));
  assert.equal(a.at(-1)![2], true, "a draining report is the last");
  stopA();
  stopB();
  assert.equal(feed.size, 0);
  const after = builds;
  await new Promise((r) => setTimeout(r, 40));
  assert.equal(builds, after, "no timer once nobody listens");
});
