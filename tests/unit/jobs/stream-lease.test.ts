import assert from "node:assert/strict";
import { CancelWatch } from "../../../src/jobs/cancel-watch.ts";
import { jobEventStream, parseJobEventId } from "../../../src/jobs/event-stream.ts";
import { MemoryJobLog } from "../../../src/jobs/memory-log.ts";
import { MemoryJobStore } from "../../../src/jobs/memory-store.ts";
import { batchLeaseId, withBatchLease } from "../../../src/jobs/processor.ts";
import { ProgressTracker } from "../../../src/jobs/progress.ts";
import { evictionWarning } from "../../../src/jobs/redis-backend.ts";
import { toSearched } from "../../../src/jobs/position-search.ts";
import { RunStopped } from "../../../src/jobs/runner-deps.ts";
import { jobView } from "../../../src/jobs/view.ts";
import { MemoryLimiter } from "../../../src/limits/memory.ts";
import { routeLabel } from "../../../src/http/middleware/request-log.ts";
import { parseSse } from "../../../src/sse/parse.ts";
import { record } from "./fixtures.ts";

const never = new AbortController().signal;

Deno.test("job events: retry first, ids from the log, live events, the end after done", async () => {
  const log = new MemoryJobLog();
  await log.append("j", "progress", { percent: 50 });
  await log.append("j", "game", { phase: 1 });
  const body = jobEventStream({
    log,
    id: "j",
    after: 1,
    pollMs: 5,
    keepAliveMs: 20,
    stopping: () => false,
  });
  setTimeout(() => void log.append("j", "done", { status: "completed" }), 60);
  const chunks = await Array.fromAsync(parseSse(body));
  const events = chunks.flatMap((c) => (c.kind === "event" ? [c.event] : []));
  assert.deepEqual(events.map((e) => [e.id, e.event]), [["2", "game"], ["3", "done"]]);
  assert.ok(chunks.some((c) => c.kind === "comment"), "a comment while the job is quiet");
  assert.equal(parseJobEventId(" 12 "), 12);
  assert.equal(parseJobEventId("3.1"), 0);
  assert.equal(parseJobEventId(undefined), 0);
});

Deno.test("job events: a draining replica ends the stream; a client that leaves stops the polling", async () => {
  const log = new MemoryJobLog();
  const draining = jobEventStream({
    log,
    id: "j",
    after: 0,
    pollMs: 5,
    keepAliveMs: 10_000,
    stopping: () => true,
  });
  assert.equal(
    (await Array.fromAsync(parseSse(draining))).filter((c) => c.kind === "event").length,
    0,
  );
  const open = jobEventStream({
    log,
    id: "j",
    after: 0,
    pollMs: 5,
    keepAliveMs: 10_000,
    stopping: () => false,
  });
  const reader = open.getReader();
  await reader.read(); // retry:
  const pending = reader.read();
  await reader.cancel();
  assert.equal((await pending).done, true);
});

Deno.test("cancel watch: a cancel seen in the store, or this replica stopping, aborts the run", async () => {
  const store = new MemoryJobStore(1000);
  await store.create(record("j"), []);
  {
    using watch = new CancelWatch(store, "j", never, 5);
    await watch.check();
    assert.equal(watch.signal.aborted, false);
    await store.transition("j", ["queued"], "cancelled");
    await watch.check();
    assert.ok(watch.signal.reason instanceof RunStopped && watch.signal.reason.why === "cancelled");
  }
  const outer = new AbortController();
  using shutdown = new CancelWatch(store, "other", outer.signal, 60_000);
  outer.abort();
  assert.equal((shutdown.signal.reason as RunStopped).why, "shutdown");
});

Deno.test("batch lease: runs once the limiter grants the user a batch slot, gives it back after", async () => {
  const limiter = new MemoryLimiter({
    limits: { analysis: { user: 4, global: 0 }, batch: { user: 1, global: 1 } },
  });
  const other = await limiter.acquire({ class: "batch", user: "someone" });
  assert.equal(other.kind, "granted");
  const rec = record("b", { kind: "batch", user_id: "u" });
  let ran = false;
  const running = withBatchLease(limiter, rec, () => Promise.resolve(true), never, () => {
    assert.deepEqual(limiter.held("batch").map((l) => l.id).sort(), [batchLeaseId("b")]);
    ran = true;
    return Promise.resolve();
  }, 5);
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(ran, false, "waits while the global batch limit is taken");
  if (other.kind === "granted") await limiter.release(other.lease.id);
  await running;
  assert.ok(ran);
  assert.deepEqual(limiter.held("batch"), [], "released after the run");
  await limiter.acquire({ class: "batch", user: "x" });
  let gaveUp = true;
  await withBatchLease(limiter, rec, () => Promise.resolve(false), never, () => {
    gaveUp = false;
    return Promise.resolve();
  }, 5);
  assert.ok(gaveUp, "a batch cancelled while it waited never runs");
});

Deno.test("progress: published when the percent moves; views, warnings, labels, engine answers", async () => {
  const store = new MemoryJobStore(1000);
  const log = new MemoryJobLog();
  await store.create(record("j"), []);
  const p = new ProgressTracker(store, log, "j", 200, 0);
  p.phase = 1;
  await p.advance();
  await p.advance();
  await p.advance();
  assert.deepEqual((await log.since("j", 0)).map((e) => (e.data as { percent: number }).percent), [
    0,
    1,
  ]);
  assert.deepEqual((await store.get("j"))!.progress, { done: 2, total: 200, percent: 1 });
  const view = jobView(
    record("j", { status: "failed", error: "boom", finished_at: 0 }),
    3,
    new Map(),
  );
  assert.equal(view.queue_position, null);
  assert.equal(view.error, "boom");
  assert.deepEqual(view.games, []);
  assert.equal(jobView(record("q"), 2).queue_position, 2);
  assert.equal(evictionWarning("noeviction"), undefined);
  assert.equal(evictionWarning(undefined), undefined);
  assert.match(evictionWarning("allkeys-lru")!, /allkeys-lru.*noeviction/);
  assert.equal(routeLabel("/v1/jobs/abc/events"), "/v1/jobs/:id/events");
  assert.equal(routeLabel("/v1/jobs/abc"), "/v1/jobs/:id");
  assert.equal(routeLabel("/v1/batches"), "/v1/batches");
  assert.equal(routeLabel("/admin/jobs/x/retry"), "/admin/jobs/:id/retry");
  const result = {
    fen: "f",
    depth: 4,
    multipv: 1,
    bestmove: null,
    ponder: null,
    lines: [],
    engine: "e",
  };
  assert.deepEqual(toSearched(result, "engine", "s1"), {
    score: { cp: 0 },
    best: null,
    source: "engine",
    spot: "s1",
  });
});
