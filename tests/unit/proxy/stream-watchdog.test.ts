import assert from "node:assert/strict";
import { StreamWatchdog } from "../../../src/proxy/stream-watchdog.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

Deno.test("watchdog: deadlines from timestamps: first event, then idle since the last byte", () => {
  let now = 0;
  using w = new StreamWatchdog({ firstEventMs: 1000, idleMs: 100 }, () => {}, () => now);
  assert.equal(w.dueAt(), 1000, "before the first event: the first-event deadline");
  now = 50;
  w.touch(); // a heartbeat does not move the first-event deadline
  assert.equal(w.dueAt(), 1000);
  assert.equal(w.silent(), false);
  now = 200;
  assert.equal(w.silent(), true);
  w.sawEvent();
  assert.equal(w.dueAt(), 300);
  now = 250;
  w.touch();
  w.sawEvent();
  assert.equal(w.dueAt(), 350, "later events only stamp the time");
});

Deno.test("watchdog: one timer re-armed for what is left; fires once the deadline passed", async () => {
  let fired = 0;
  const w = new StreamWatchdog({ firstEventMs: 30, idleMs: 300 }, () => fired++);
  await sleep(10);
  w.sawEvent();
  for (let i = 0; i < 4; i++) {
    await sleep(25);
    w.touch(); // bytes keep coming: no fire
  }
  assert.equal(fired, 0);
  await sleep(450);
  assert.equal(fired, 1);
  assert.equal(w.fired, true);
  w[Symbol.dispose]();
  const quiet = new StreamWatchdog({ firstEventMs: 10, idleMs: 10 }, () => fired++);
  quiet[Symbol.dispose]();
  await sleep(30);
  assert.equal(fired, 1, "a disposed watchdog never fires");
});
