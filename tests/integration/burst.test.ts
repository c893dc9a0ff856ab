/**
 * Bursts above and below the fleet's capacity on real Stockfish spots (2 engines, a queue of
 * 8 each): a spot's 503 `engine_busy` is back-pressure, never a failure that takes it down.
 */
import assert from "node:assert/strict";
import { type Server, START, startGateway, startSpot, streamUrl } from "../helpers/cluster.ts";

// These tests are about routing each request: the position cache (on by default) would answer
// the repeated positions itself, so it is off here (tests/integration/cache*.test.ts cover it).
const NO_CACHE = { CACHE: "off" };

async function withSpots(
  env: Record<string, string>,
  fn: (gw: Server, a: Server, b: Server) => Promise<void>,
): Promise<void> {
  const a = await startSpot({ engines: 2, queue: 8 });
  const b = await startSpot({ engines: 2, queue: 8 });
  const gw = await startGateway({ a, b }, { ...NO_CACHE, ...env });
  try {
    await waitReady(gw);
    await fn(gw, a, b);
  } finally {
    await gw.stop();
    await a.stop();
    await b.stop();
  }
}

async function waitReady(gw: Server): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const res = await fetch(`${gw.url}/healthz`);
    const body = await res.json();
    if (body.spots.every((s: { status: string }) => s.status === "healthy")) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("spots never became healthy");
}

/** One stream read to its end: status, spot, attempts. */
async function stream(gw: Server, depth: number) {
  const res = await fetch(streamUrl(gw.url, START, depth, 1));
  const text = await res.text();
  return {
    status: res.status,
    spot: res.headers.get("x-engine-spot"),
    attempts: res.headers.get("x-engine-attempts"),
    retryAfter: res.headers.get("retry-after"),
    text,
  };
}

async function metric(gw: Server, pattern: RegExp): Promise<number> {
  const text = await (await fetch(`${gw.url}/metrics`)).text();
  return text.split("\n").filter((l) => pattern.test(l))
    .reduce((n, l) => n + Number(l.split(" ").at(-1)), 0);
}

Deno.test("burst: 40 streams on 20 places leave no spot down; the next 20 all succeed", async () => {
  // A long check interval: a locked-out fleet would stay locked out for the whole test.
  await withSpots({ SPOT_HEALTH_CHECK_INTERVAL: "60" }, async (gw) => {
    const burst = await Promise.all(Array.from({ length: 40 }, () => stream(gw, 14)));
    const served = burst.filter((r) => r.status === 200).length;
    const busy = burst.filter((r) => r.status === 503);
    assert.ok(served >= 20, `served ${served} of 40`);
    for (const r of busy) {
      assert.match(r.text, /"engine_busy"/, "a full fleet answers engine_busy");
      assert.ok(Number(r.retryAfter) >= 1, "with a Retry-After");
    }
    const healthz = await (await fetch(`${gw.url}/healthz`)).json();
    for (const s of healthz.spots) {
      assert.equal(s.status, "healthy", `${s.id} is ${s.status} after the burst`);
      assert.equal(s.circuit, "closed", `${s.id} circuit ${s.circuit} after the burst`);
    }
    await new Promise((r) => setTimeout(r, 1100)); // the spots' own Retry-After
    for (let i = 0; i < 20; i++) {
      const r = await stream(gw, 8);
      assert.equal(r.status, 200, `sequential request ${i} after the burst: ${r.text}`);
    }
  });
});

for (const n of [16, 20]) {
  Deno.test(`burst: ${n} concurrent streams on 20 places need no engine_busy failover`, async () => {
    await withSpots({}, async (gw) => {
      const burst = await Promise.all(Array.from({ length: n }, () => stream(gw, 14)));
      assert.deepEqual(burst.map((r) => r.status), burst.map(() => 200));
      const onA = burst.filter((r) => r.spot === "a").length;
      assert.ok(Math.abs(onA - n / 2) <= 1, `spread a/b: ${onA}/${n - onA}`);
      assert.deepEqual(burst.map((r) => r.attempts), burst.map(() => "1"), "no retry was needed");
      assert.equal(await metric(gw, /^spotgate_upstream_requests_total\{.*outcome="busy"/), 0);
    });
  });
}
