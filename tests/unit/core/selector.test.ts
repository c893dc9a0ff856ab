import assert from "node:assert/strict";
import { costOf, pick } from "../../../src/core/selector.ts";
import { seeded, testSpot } from "./fixtures.ts";

const now = 1_000_000;

function shares(spots: ReturnType<typeof testSpot>[], n: number, seed = 1): Map<string, number> {
  const random = seeded(seed), counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const s = pick(spots, { now, random })!;
    counts.set(s.id, (counts.get(s.id) ?? 0) + 1);
  }
  return counts;
}

Deno.test("selector.pick() prefers the highest priority tier", () => {
  const hi = testSpot("hi", { priority: 200 }), lo = testSpot("lo", { priority: 50 });
  for (let i = 0; i < 50; i++) assert.equal(pick([lo, hi], { now, random: seeded(i) })?.id, "hi");
  hi.adminDisabled = true;
  assert.equal(pick([lo, hi], { now, random: Math.random })?.id, "lo");
});

Deno.test("selector.pick() falls back to degraded spots only when no healthy one is usable", () => {
  const a = testSpot("a", { priority: 200 }), b = testSpot("b", { priority: 100 });
  a.status = "degraded";
  assert.equal(pick([a, b], { now, random: Math.random })?.id, "b", "healthy tier beats priority");
  b.status = "down";
  assert.equal(pick([a, b], { now, random: Math.random })?.id, "a");
  a.status = "down";
  assert.equal(pick([a, b], { now, random: Math.random }), undefined);
});

Deno.test("selector.pick() skips disabled, removed, excluded and circuit-open spots", () => {
  const [a, b, c, d, e] = ["a", "b", "c", "d", "e"].map((id) => testSpot(id));
  a!.settings.enabled = false;
  b!.removed = true;
  for (let i = 0; i < 5; i++) c!.breaker.allow(now)!.done(false, now);
  const got = new Set(
    Array.from(
      { length: 200 },
      (_, i) => pick([a!, b!, c!, d!, e!], { now, random: seeded(i), exclude: new Set(["e"]) })?.id,
    ),
  );
  assert.deepEqual([...got], ["d"]);
});

Deno.test("selector: power of two choices spreads equal spots within ±15 % over 10 000 picks", () => {
  const spots = ["a", "b", "c", "d"].map((id) => testSpot(id));
  const random = seeded(7);
  const counts = new Map<string, number>();
  for (let i = 0; i < 10_000; i++) {
    const s = pick(spots, { now, random })!;
    counts.set(s.id, (counts.get(s.id) ?? 0) + 1);
    s.inFlight++; // load builds up and drains, as under real traffic
    if (i % 4 === 3) { for (const x of spots) x.inFlight = 0; }
  }
  for (const [id, n] of counts) assert.ok(Math.abs(n - 2500) <= 375, `${id}: ${n}`);
});

Deno.test("selector: a 5× slower spot gets clearly less", () => {
  const fast = testSpot("fast"), slow = testSpot("slow");
  fast.ewma.observe(20, now);
  slow.ewma.observe(100, now);
  const random = seeded(3), counts = { fast: 0, slow: 0 };
  for (let i = 0; i < 2000; i++) {
    const s = pick([fast, slow], { now, random })!;
    counts[s.id as "fast" | "slow"]++;
    s.inFlight++;
    if (i % 8 === 7) (fast.inFlight = 0, slow.inFlight = 0);
  }
  assert.ok(counts.slow < counts.fast / 2, JSON.stringify(counts));
  assert.ok(counts.slow > 0, "load still spills over to the slow spot");
});

Deno.test("selector: a failure's penalty latency pushes traffic away; slow start ramps a returning spot", () => {
  const a = testSpot("a"), b = testSpot("b");
  a.ewma.observe(10, now);
  b.ewma.observe(10, now);
  b.ewma.observeFailure(now);
  assert.ok(costOf(b, now) > 100 * costOf(a, now));
  assert.ok((shares([a, b], 1000).get("a") ?? 0) > 900);
  const back = testSpot("back");
  back.ewma.observe(10, now);
  back.slowStartSince = now;
  assert.equal(costOf(back, now), 10 / 0.1);
  assert.equal(costOf(back, now + 15_000), 20);
  assert.equal(costOf(back, now + 30_000), 10);
});
