import assert from "node:assert/strict";
import { GatewayError } from "../../../src/errors/gateway-error.ts";
import { MemoryJobQueue } from "../../../src/jobs/memory-queue.ts";
import { MemoryJobStore } from "../../../src/jobs/memory-store.ts";
import { RunStopped } from "../../../src/jobs/runner-deps.ts";
import { submitJob } from "../../../src/jobs/submit.ts";
import { Logger } from "../../../src/obs/log.ts";
import { record } from "./fixtures.ts";

const settings = { gameConcurrency: 1, batchConcurrency: 1, attempts: 3, backoffMs: 1 };

Deno.test("memory queue: games and batches in lanes of their own, each in waiting order", async () => {
  const queue = new MemoryJobQueue(settings);
  const ran: string[] = [];
  const gates = new Map<string, () => void>();
  await queue.add(record("batch-1", { kind: "batch" }));
  await queue.add(record("game-low", { priority: "low" }));
  await queue.add(record("game-high", { priority: "high", created_at: 2000 }));
  queue.start((id) => {
    ran.push(id);
    return new Promise<void>((r) => gates.set(id, r));
  });
  assert.deepEqual(ran, ["game-high", "batch-1"], "a batch runs beside a game, not behind it");
  gates.get("game-high")!();
  await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(ran, ["game-high", "batch-1", "game-low"]);
  for (const open of gates.values()) open();
  await queue.close();
});

Deno.test("memory queue: a failed attempt comes back after the backoff until the attempts are spent", async () => {
  const queue = new MemoryJobQueue(settings);
  const attempts: { number: number; final: boolean }[] = [];
  let finished!: () => void;
  const last = new Promise<void>((r) => finished = r);
  queue.start((_id, attempt) => {
    attempts.push(attempt);
    if (attempt.final) finished();
    return Promise.reject(new Error("fails"));
  });
  await queue.add(record("j"));
  await last;
  await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(attempts, [
    { number: 1, final: false },
    { number: 2, final: false },
    { number: 3, final: true },
  ]);
  await queue.retry(record("j"));
  assert.equal(attempts.at(-1)!.number, 1, "an admin retry starts over");
  await queue.close();
});

Deno.test("memory queue: close aborts the running attempts and drops the pending retries", async () => {
  const queue = new MemoryJobQueue({ ...settings, backoffMs: 60_000 });
  let signal!: AbortSignal;
  queue.start((_id, _a, s) => {
    signal = s;
    return Promise.reject(new Error("fails"));
  });
  await queue.add(record("j"));
  await new Promise((r) => setTimeout(r, 5));
  await queue.close();
  assert.ok(signal.aborted);
  assert.ok(signal.reason instanceof RunStopped && signal.reason.why === "shutdown");
});

Deno.test("submit: a queue at JOB_QUEUE_MAX is 503; a user's extra batch is 429 naming the active one", async () => {
  const store = new MemoryJobStore(60_000);
  const queue = new MemoryJobQueue(settings);
  const logger = new Logger("error");
  let n = 0;
  const d = {
    store,
    queue,
    maxWaiting: 2,
    userBatches: 1,
    logger,
    now: () => 5,
    newId: () => `j${++n}`,
  };
  const game = { game_id: "g", input: { moves: ["e2e4"] }, plies: 1 };
  const sub = {
    kind: "batch" as const,
    user: "u",
    games: [game, game],
    phases: [4, 8],
    priority: "normal" as const,
  };
  const first = await submitJob(d, sub);
  assert.deepEqual(first.progress, { done: 0, total: 8, percent: 0 });
  assert.equal(first.created_at, 5);
  await assert.rejects(
    submitJob(d, sub),
    (e: GatewayError) =>
      e.code === "user_concurrency_limit" && /job j1/.test(e.message) && e.retryAfter! > 0,
  );
  assert.equal(await store.get("j2"), undefined, "no job for a refused request");
  await submitJob(d, { ...sub, user: undefined });
  await assert.rejects(
    submitJob(d, { ...sub, kind: "game", user: "v" }),
    (e: GatewayError) => e.code === "capacity_exhausted" && e.status === 503 && e.retryAfter! > 0,
  );
  await queue.close();
});
