import assert from "node:assert/strict";
import { WaitQueues } from "../../../src/spot/wait-queues.ts";
import { requestPriority } from "../../../src/spot/routes.ts";
import { GatewayError } from "../../../src/errors/gateway-error.ts";

Deno.test("wait queues: a freed item goes to the oldest interactive waiter before any batch one", async () => {
  const q = new WaitQueues<string>(4);
  const never = new AbortController().signal;
  const got: string[] = [];
  const b1 = q.wait("batch", never).then((v) => got.push(`b1:${v}`));
  const i1 = q.wait("interactive", never).then((v) => got.push(`i1:${v}`));
  const i2 = q.wait("interactive", never).then((v) => got.push(`i2:${v}`));
  assert.equal(q.count("interactive"), 2);
  assert.equal(q.count("batch"), 1);
  for (const item of ["x", "y", "z"]) assert.ok(q.handTo(item));
  await Promise.all([b1, i1, i2]);
  assert.deepEqual(got, ["i1:x", "i2:y", "b1:z"]);
  assert.equal(q.handTo("w"), false, "nobody waits any more");
});

Deno.test("wait queues: each priority has its own bound, so batches never fill the interactive room", async () => {
  const q = new WaitQueues<number>(1);
  const never = new AbortController().signal;
  const batch = q.wait("batch", never);
  assert.ok(q.isFull("batch"));
  assert.ok(!q.isFull("interactive"));
  await assert.rejects(q.wait("batch", never), (e: GatewayError) => e.code === "engine_busy");
  const interactive = q.wait("interactive", never);
  q.handTo(1), q.handTo(2);
  assert.deepEqual(await Promise.all([interactive, batch]), [1, 2]);
});

Deno.test("wait queues: an aborted waiter leaves its queue; stopping rejects every waiter", async () => {
  const q = new WaitQueues<number>(2);
  const ctl = new AbortController();
  const leaving = q.wait("interactive", ctl.signal);
  ctl.abort();
  await assert.rejects(leaving, /went away/);
  assert.equal(q.count("interactive"), 0);
  const a = q.wait("batch", new AbortController().signal);
  const b = q.wait("interactive", new AbortController().signal);
  q.rejectAll();
  await assert.rejects(a, (e: GatewayError) => e.code === "engine_busy");
  await assert.rejects(b, (e: GatewayError) => e.code === "engine_busy");
});

Deno.test("X-Priority: only 'batch' (any case) marks background work", () => {
  assert.equal(requestPriority("batch"), "batch");
  assert.equal(requestPriority(" Batch "), "batch");
  assert.equal(requestPriority(undefined), "interactive");
  assert.equal(requestPriority("high"), "interactive");
});
