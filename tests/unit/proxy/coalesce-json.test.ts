import assert from "node:assert/strict";
import { JsonFlight, untilAborted } from "../../../src/proxy/coalesce-json.ts";
import { Flights } from "../../../src/proxy/coalesce-flights.ts";
import type { DispatchResult } from "../../../src/proxy/dispatch.ts";

const ANSWER: DispatchResult = { spot: "a", attempts: 1, status: 200, text: "{}" };

function flight() {
  let answer!: (r: DispatchResult) => void;
  let seen!: AbortSignal;
  let runs = 0;
  const f = new JsonFlight((signal) => {
    runs++;
    seen = signal;
    return new Promise((r) => answer = r);
  });
  return { f, answer: (r: DispatchResult) => answer(r), signal: () => seen, runs: () => runs };
}

Deno.test("JsonFlight: one search, every waiter gets its answer", async () => {
  const { f, answer, runs } = flight();
  const a = f.wait(new AbortController().signal, false);
  const b = f.wait(new AbortController().signal, true);
  assert.equal(f.joiners, 1);
  answer(ANSWER);
  assert.deepEqual(await Promise.all([a, b]), [ANSWER, ANSWER]);
  assert.equal(runs(), 1);
  assert.equal(f.joiners, 0);
});

Deno.test("JsonFlight: one waiter leaving leaves the search; all leaving aborts it", async () => {
  const { f, signal, answer } = flight();
  const leaving = new AbortController(), staying = new AbortController();
  const a = f.wait(leaving.signal, false);
  const b = f.wait(staying.signal, true);
  leaving.abort();
  await assert.rejects(a, /Client closed the request/);
  assert.equal(signal().aborted, false);
  staying.abort();
  await assert.rejects(b, /Client closed/);
  assert.equal(signal().aborted, true);
  assert.equal(f.abandoned, true);
  answer(ANSWER);
});

Deno.test("untilAborted: an aborted signal rejects at once; a settled promise wins", async () => {
  const gone = new AbortController();
  gone.abort();
  await assert.rejects(untilAborted(new Promise(() => {}), gone.signal), /Client closed/);
  assert.equal(await untilAborted(Promise.resolve(3), new AbortController().signal), 3);
});

Deno.test("Flights: JSON searches are joinable until stored, one per key", async () => {
  const flights = new Flights(5);
  const { f, answer } = flight();
  flights.addJson("k", f, f.done);
  assert.equal(flights.json("k"), f);
  const w = f.wait(new AbortController().signal, true);
  assert.equal(flights.waiters(), 1);
  answer(ANSWER);
  await w;
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(flights.json("k"), undefined);
});
