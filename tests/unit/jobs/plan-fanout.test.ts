import assert from "node:assert/strict";
import { gameAnalysis } from "../../../src/jobs/analyser.ts";
import { isTransient, sleep, withRetries } from "../../../src/jobs/backoff.ts";
import { FanOut } from "../../../src/jobs/fanout.ts";
import { donePositions, percentOf, positionsOf, totalPositions } from "../../../src/jobs/plan.ts";
import { GatewayError } from "../../../src/errors/gateway-error.ts";
import { evalKey } from "../../../src/jobs/types.ts";
import { backoffDelay } from "../../../src/jobs/queue.ts";

const mate = gameAnalysis.parseGame({ moves: ["f2f3", "e7e5", "g2g4", "d8h4"] });
const open = gameAnalysis.parseGame({ moves: ["e2e4", "e7e5"] });

Deno.test("plan: every position before and after each ply; only a final mate is terminal", () => {
  const planned = positionsOf(mate);
  assert.equal(planned.length, 5);
  assert.deepEqual(planned.map((p) => p.terminal), [false, false, false, false, true]);
  assert.equal(planned[0]!.fen, mate.initialFen);
  assert.ok(positionsOf(open).every((p) => !p.terminal));
  assert.equal(totalPositions([mate, open], 2), 16);
  const stored = new Map([[evalKey(1, 1, 0), { score: { cp: 20 }, best: "e2e4" }]]);
  // The mate counts as done in both phases, plus the one stored position.
  assert.equal(donePositions([mate, open], 2, stored), 3);
  assert.equal(percentOf(1, 3), 33);
  assert.equal(percentOf(0, 0), 100);
});

Deno.test("fan-out: at most capacity at once, lower rank first, FIFO within a rank", async () => {
  let capacity = 1;
  const fan = new FanOut(() => capacity);
  const order: string[] = [];
  const never = new AbortController().signal;
  let release!: () => void;
  const gate = new Promise<void>((r) => release = r);
  const first = fan.run(3, never, async () => {
    order.push("batch-1");
    await gate;
  });
  const later = [
    fan.run(3, never, () => Promise.resolve(void order.push("batch-2"))),
    fan.run(1, never, () => Promise.resolve(void order.push("game-a"))),
    fan.run(1, never, () => Promise.resolve(void order.push("game-b"))),
  ];
  assert.equal(fan.running, 1);
  assert.equal(fan.waiting, 3);
  assert.ok(fan.urgentThan(3), "a game waits: a batch chain gives way");
  assert.ok(!fan.urgentThan(1), "nothing more urgent than a game waits");
  capacity = 0; // nothing usable: still one at a time, so the positions fail fast rather than hang
  release();
  await Promise.all([first, ...later]);
  assert.deepEqual(order, ["batch-1", "game-a", "game-b", "batch-2"]);
});

Deno.test("fan-out: a waiting task whose job is cancelled leaves without running", async () => {
  const fan = new FanOut(() => 1);
  const ctl = new AbortController();
  let release!: () => void;
  const busy = fan.run(
    0,
    new AbortController().signal,
    () => new Promise<void>((r) => release = r),
  );
  let ran = false;
  const waiting = fan.run(0, ctl.signal, () => Promise.resolve(void (ran = true)));
  ctl.abort(new Error("cancelled"));
  await assert.rejects(waiting, /cancelled/);
  await assert.rejects(fan.run(0, ctl.signal, () => Promise.resolve()), /cancelled/);
  release();
  await busy;
  assert.equal(ran, false);
  assert.equal(fan.waiting, 0);
});

Deno.test("retries: transient failures again with growing delays; permanent ones and aborts at once", async () => {
  const waits: number[] = [];
  const sleepFor = (ms: number) => Promise.resolve(void waits.push(ms));
  let calls = 0;
  const busy = new GatewayError("engine_busy", "full", { retryAfter: 1 });
  const value = await withRetries(
    () => {
      if (++calls < 4) throw calls === 2 ? new GatewayError("no_spot_available", "none") : busy;
      return Promise.resolve("ok");
    },
    new AbortController().signal,
    { sleep: sleepFor },
  );
  assert.equal(value, "ok");
  assert.deepEqual(waits, [1000, 500, 1000], "the spot's Retry-After when longer than the backoff");
  await assert.rejects(
    withRetries(
      () => Promise.reject(new GatewayError("invalid_request", "no")),
      new AbortController().signal,
    ),
    /no/,
  );
  calls = 0;
  await assert.rejects(
    withRetries(() => (calls++, Promise.reject(busy)), new AbortController().signal, {
      tries: 2,
      sleep: sleepFor,
    }),
    /full/,
  );
  assert.equal(calls, 2);
  assert.ok(isTransient(new GatewayError("upstream_timeout", "t")));
  assert.ok(!isTransient(new Error("x")));
  const ctl = new AbortController();
  const napping = sleep(10_000, ctl.signal);
  ctl.abort(new Error("stop"));
  await assert.rejects(napping, /stop/);
  await sleep(1, new AbortController().signal);
  assert.equal(backoffDelay(100, 2), 100);
  assert.equal(backoffDelay(100, 4), 400);
});
