import assert from "node:assert/strict";
import { SpotPool } from "../../../src/core/pool.ts";
import { fleetCapacity } from "../../../src/jobs/capacity.ts";
import { chains } from "../../../src/jobs/plan.ts";
import { StickyRouter } from "../../../src/jobs/sticky-router.ts";
import { PoolRouter } from "../../../src/proxy/pool-router.ts";

function fleet() {
  const pool = new SpotPool();
  const settings = (id: string) => ({
    id,
    url: `http://127.0.0.1:1/${id}`,
    region: "t",
    priority: 100,
    enabled: true,
  });
  pool.apply([settings("a"), settings("b"), settings("c")], Date.now() - 60_000);
  for (const s of pool.list()) (s.status = "healthy", s.capacity = 1);
  return { pool, router: new PoolRouter(pool, { threshold: () => 3 }) };
}

Deno.test("chains: contiguous, near-equal, never empty, at most the parts asked", () => {
  assert.deepEqual(chains([1, 2, 3, 4, 5], 2), [[1, 2, 3], [4, 5]]);
  assert.deepEqual(chains([1, 2], 4), [[1], [2]]);
  assert.deepEqual(chains([1, 2, 3], 1), [[1, 2, 3]]);
  assert.deepEqual(chains([], 3), []);
});

Deno.test("sticky router: the home spot while it has an engine free, else the router's choice", () => {
  const { pool, router } = fleet();
  const sticky = new StickyRouter(router, pool, "b");
  for (let i = 0; i < 5; i++) {
    using lease = sticky.acquire(new Set())!;
    assert.equal(lease.id, "b");
  }
  using held = sticky.acquire(new Set())!; // b's one engine is now taken here
  using elsewhere = sticky.acquire(new Set())!;
  assert.equal(held.id, "b");
  assert.notEqual(elsewhere.id, "b");
  using retry = new StickyRouter(router, pool, "a").acquire(new Set(["a"]))!;
  assert.notEqual(retry.id, "a", "a retry goes elsewhere, as the router decides");
  pool.get("c")!.adminDisabled = true;
  using gone = new StickyRouter(router, pool, "c").acquire(new Set())!;
  assert.notEqual(gone.id, "c", "an unusable home is not insisted on");
  assert.equal(new StickyRouter(router, pool, "zz").acquire(new Set(["a", "b", "c"])), undefined);
  assert.equal(fleetCapacity(pool), 2, "the usable spots' engines");
  assert.ok(sticky.retryAllowed("x"));
  sticky.takeRetry("x");
  sticky.requestStarted();
  sticky.requestEnded(1);
  assert.equal(typeof sticky.unavailable(new Set()).retryAfterS, "number");
});
