import assert from "node:assert/strict";
import { MemoryJobLog } from "../../../src/jobs/memory-log.ts";
import { MemoryJobStore } from "../../../src/jobs/memory-store.ts";
import { waitScore } from "../../../src/jobs/store.ts";
import { record } from "./fixtures.ts";

Deno.test("memory store: waiting order by lane, priority and age; positions per lane", async () => {
  const store = new MemoryJobStore(60_000);
  await store.create(record("batch-old", { kind: "batch", created_at: 1 }), []);
  await store.create(record("low", { priority: "low", created_at: 2 }), []);
  await store.create(record("normal", { created_at: 3 }), []);
  await store.create(record("high", { priority: "high", created_at: 4 }), []);
  await store.create(record("batch-new", { kind: "batch", created_at: 5 }), []);
  assert.deepEqual(await store.list("queued", 10), [
    "high",
    "normal",
    "low",
    "batch-old",
    "batch-new",
  ]);
  assert.equal(await store.waitingCount(), 5);
  assert.equal(await store.queuePosition("low"), 3);
  assert.equal(await store.queuePosition("batch-new"), 2, "batches count only batches ahead");
  assert.ok(
    waitScore(record("x", { kind: "batch" })) > waitScore(record("y", { priority: "low" })),
  );
  assert.ok(await store.transition("high", ["queued"], "running", { started_at: 10 }));
  assert.equal(await store.queuePosition("high"), null);
  assert.equal(await store.queuePosition("nope"), null);
  assert.equal(await store.transition("high", ["queued"], "cancelled"), false, "not from running");
  assert.deepEqual(await store.list("running", 10), ["high"]);
});

Deno.test("memory store: patches, finished jobs expire after the TTL and their log with them", async () => {
  let now = 0;
  const log = new MemoryJobLog();
  const store = new MemoryJobStore(1000, (id) => log.forget(id), () => now);
  await store.create(record("a"), [{ game_id: "g", input: { moves: [] }, plies: 0 }]);
  await store.patch("a", { phase: 2 });
  await store.patch("gone", { phase: 2 });
  assert.equal((await store.get("a"))!.phase, 2);
  assert.equal((await store.games("a"))[0]!.game_id, "g");
  await log.append("a", "progress", { percent: 1 });
  assert.ok(await store.transition("a", ["queued"], "completed", { finished_at: 0 }));
  now = 999;
  assert.ok(await store.get("a"));
  now = 1000;
  assert.equal(await store.get("a"), undefined, "expired");
  assert.deepEqual(await store.list("completed", 5), []);
  await store.create(record("b"), []); // a create sweeps the expired ones
  assert.deepEqual(await log.since("a", 0), []);
  assert.deepEqual(await store.games("a"), []);
  await store.close();
});

Deno.test("memory store: a user's active batches up to the limit; finished ones free their slot", async () => {
  const store = new MemoryJobStore(1000);
  await store.create(record("b1", { kind: "batch", user_id: "u" }), []);
  assert.equal(await store.claimBatch("u", "b1", 1), null);
  assert.equal(await store.claimBatch("u", "b2", 1), "b1");
  assert.equal(await store.claimBatch("v", "b3", 1), null, "another user");
  assert.equal(await store.claimBatch("u", "b2", 2), null, "a limit of two");
  await store.releaseBatch("u", "b2");
  await store.transition("b1", ["queued"], "cancelled");
  assert.equal(await store.claimBatch("u", "b4", 1), null, "a finished batch holds no slot");
  await store.releaseBatch("u", "b4");
  await store.releaseBatch("nobody", "b4");
});

Deno.test("memory log: events numbered from 1, read after a sequence; evals and results kept", async () => {
  const log = new MemoryJobLog();
  assert.equal(await log.append("j", "progress", { percent: 10 }), 1);
  assert.equal(await log.append("j", "done", { status: "completed" }), 2);
  assert.deepEqual((await log.since("j", 1)).map((e) => [e.seq, e.event]), [[2, "done"]]);
  assert.deepEqual(await log.since("other", 0), []);
  await log.saveEval("j", "1:0:0", { score: { cp: 5 }, best: "e2e4" });
  assert.deepEqual((await log.evals("j")).get("1:0:0"), { score: { cp: 5 }, best: "e2e4" });
  const analysis = { game_id: "g", phase: 1, depth: 4, plies: [], white: {}, black: {} };
  await log.saveGame("j", 0, analysis as never);
  assert.equal((await log.results("j")).get(0)!.game_id, "g");
  await log.close();
});
