import assert from "node:assert/strict";
import { costOf, pick } from "../../../src/core/selector.ts";
import { seeded, testSpot } from "./fixtures.ts";
import { fullRetryAfterS, isFull, markFull, placeFreed } from "../../../src/core/room.ts";

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

Deno.test("selector: a failure's penalty latency pushes traffic away until it decays", () => {
  const a = testSpot("a"), b = testSpot("b");
  a.ewma.observe(10, now);
  b.ewma.observe(10, now);
  b.ewma.observeFailure(now);
  assert.ok(costOf(b, now) > 100 * costOf(a, now));
  assert.ok((shares([a, b], 1000).get("a") ?? 0) > 900);
  // No traffic reaches b, so no new sample: its penalty decays on read and b is tried again.
  const later = now + 70_000;
  a.ewma.observe(10, later);
  a.inFlight = 30;
  assert.ok(costOf(b, later) < costOf(a, later), "after a minute b is worth a try under load");
});

Deno.test("selector: slow start divides a returning spot's cost by its ramp factor", () => {
  const back = testSpot("back"), steady = testSpot("steady");
  back.slowStartSince = now;
  for (const [dt, factor] of [[0, 0.1], [15_000, 0.5], [30_000, 1]] as const) {
    back.ewma.observe(10, now + dt);
    steady.ewma.observe(10, now + dt);
    assert.equal(costOf(back, now + dt), 10 / factor, `at +${dt} ms`);
    assert.equal(costOf(steady, now + dt), 10);
  }
  back.slowStartSince = now;
  back.ewma.observe(10, now);
  steady.ewma.observe(10, now);
  const early = shares([back, steady], 1000, 5).get("back") ?? 0;
  assert.ok(early < 100, `a spot that just came back gets a trickle at first: ${early}`);
});

Deno.test("selector: unknown ranks with healthy; P2C compares two distinct spots", () => {
  const fresh = testSpot("fresh"), known = testSpot("known");
  fresh.status = "unknown";
  known.ewma.observe(500, now); // slower than an unmeasured spot's default latency
  // random 0 draws indexes 0 and then 1 (never the same spot twice): the cheaper one wins.
  assert.equal(pick([known, fresh], { now, random: () => 0 })?.id, "fresh");
  assert.equal(pick([fresh, known], { now, random: () => 0.999 })?.id, "fresh");
  assert.equal(pick([known], { now, random: () => 0 })?.id, "known", "one candidate");
  const ex = new Set(["fresh", "known"]);
  assert.equal(pick([known, fresh], { now, random: () => 0, exclude: ex }), undefined);
});

Deno.test("selector: a burst on unmeasured spots alternates instead of piling on one", () => {
  const a = testSpot("a"), b = testSpot("b");
  const random = seeded(11);
  for (let i = 0; i < 16; i++) pick([a, b], { now, random })!.inFlight++;
  assert.deepEqual([a.inFlight, b.inFlight], [8, 8]);
});

Deno.test("selector: a spot with an idle engine beats a full one, even of higher priority", () => {
  const hi = testSpot("hi", { priority: 200 }), lo = testSpot("lo", { priority: 100 });
  hi.capacity = 2;
  lo.capacity = 2;
  hi.inFlight = 2;
  assert.equal(pick([hi, lo], { now, random: seeded(1) })?.id, "lo", "overflow to room");
  lo.inFlight = 2;
  assert.equal(pick([hi, lo], { now, random: seeded(1) })?.id, "hi", "none has room: priority");
});

Deno.test("selector: a spot that said it is full is no candidate until its Retry-After", () => {
  const a = testSpot("a"), b = testSpot("b");
  markFull(a, 1, now);
  assert.equal(isFull(a, now + 999), true);
  for (let i = 0; i < 20; i++) assert.equal(pick([a, b], { now, random: seeded(i) })?.id, "b");
  markFull(b, 3, now);
  assert.equal(pick([a, b], { now, random: Math.random }), undefined);
  assert.equal(fullRetryAfterS([a, b], now), 1, "the soonest spot's Retry-After");
  assert.equal(pick([a, b], { now: now + 1000, random: seeded(2) })?.id, "a");
  placeFreed(b);
  assert.equal(isFull(b, now), false, "a finished request frees a place at once");
  markFull(b, 60, now);
  assert.equal(isFull(b, now + 5_001), false, "a Retry-After counts for at most 5 s");
  assert.equal(fullRetryAfterS([], now), 1);
});
