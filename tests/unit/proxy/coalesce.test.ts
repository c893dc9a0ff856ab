import assert from "node:assert/strict";
import { HubClient } from "../../../src/proxy/coalesce-client.ts";
import { StreamHub } from "../../../src/proxy/coalesce-hub.ts";
import { Flights } from "../../../src/proxy/coalesce-flights.ts";
import { bodyText, controlledStream } from "./coalesce-fixture.ts";

const INFO = 'event: info\nid: 1.1\ndata: {"depth":1}\n\n';
const RESULT = "event: result\nid: result\ndata: {}\n\n";

Deno.test("StreamHub: a late joiner gets the bytes so far, then the live ones: the same stream", async () => {
  const up = controlledStream();
  const first = new HubClient(60_000, new AbortController().signal, true);
  const hub = new StreamHub(() => Promise.resolve(up.opened), first);
  await hub.opened;
  up.push("retry: 3000\n\n");
  up.push(INFO);
  await new Promise((r) => setTimeout(r, 5));
  const late = new HubClient(60_000, new AbortController().signal, false);
  hub.join(late);
  assert.equal(hub.joiners, 1);
  up.push(": thinking\n\n");
  up.push(RESULT);
  up.finish(true);
  const [a, b] = await Promise.all([bodyText(first.sink.body), bodyText(late.sink.body)]);
  assert.equal(a, b);
  assert.equal(a, `retry: 3000\n\n${INFO}: thinking\n\n${RESULT}`);
  const end = await hub.ended;
  assert.equal(end.completed, true);
  assert.equal(hub.joiners, 0);
  assert.equal((await first.done).events, 2, "events counted, comments and retry not");
  assert.equal(first.stats.resumes, 1, "the first client carries the search's resumes");
  assert.equal(late.stats.resumes, 0);
  assert.equal(late.stats.lastSpot, "b");
  const after = new HubClient(60_000, new AbortController().signal, false);
  hub.join(after);
  assert.equal(await bodyText(after.sink.body), a, "joining after the end: all of it");
  up.opened.attempts[Symbol.dispose]();
});

Deno.test("StreamHub: the search stops only when the last client leaves", async () => {
  const up = controlledStream();
  const leaving = [new AbortController(), new AbortController(), new AbortController()];
  const clients = leaving.map((c, i) => new HubClient(60_000, c.signal, i === 0));
  const hub = new StreamHub(() => Promise.resolve(up.opened), clients[0]!);
  hub.join(clients[1]!);
  hub.join(clients[2]!);
  await hub.opened;
  up.push(INFO);
  leaving[0]!.abort();
  leaving[1]!.abort();
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(up.state.cancelled, false);
  assert.equal(hub.abandoned, false);
  assert.equal(hub.joiners, 1);
  leaving[2]!.abort();
  const end = await hub.ended;
  assert.equal(up.state.cancelled, true, "the shared stream was cancelled");
  assert.equal(hub.abandoned, true);
  assert.equal(end.completed, false);
  await Promise.all(clients.map((c) => c.done));
  up.opened.attempts[Symbol.dispose]();
});

Deno.test("StreamHub: everyone gone while opening closes what opens; a failed open ends all", async () => {
  const up = controlledStream();
  const gone = new AbortController();
  gone.abort();
  const client = new HubClient(60_000, gone.signal, true);
  const hub = new StreamHub(() => Promise.resolve(up.opened), client);
  await hub.ended;
  assert.equal(up.state.cancelled, true);
  up.opened.attempts[Symbol.dispose]();
  const refused = new HubClient(60_000, new AbortController().signal, true);
  const failing = new StreamHub(() => Promise.reject(new Error("no spot")), refused);
  await assert.rejects(failing.opened, /no spot/);
  assert.equal((await failing.ended).completed, false);
  assert.equal((await refused.done).completed, false);
});

Deno.test("HubClient: terminate ends the client's stream with an error event", async () => {
  const c = new HubClient(60_000, new AbortController().signal, true);
  c.terminate({ code: "no_spot_available", message: "shutting down" });
  assert.match(await bodyText(c.sink.body), /event: error\ndata: .*shutting down/);
  await c.done;
});

Deno.test("Flights: joinable until settled, bounded by maxWaiters, stopped ones replaced", async () => {
  const flights = new Flights(1);
  const up = controlledStream();
  const first = new HubClient(60_000, new AbortController().signal, true);
  const hub = new StreamHub(() => Promise.resolve(up.opened), first);
  let release!: () => void;
  flights.addHub("k", hub, new Promise<void>((r) => release = r));
  assert.equal(flights.hub("k"), hub);
  assert.equal(flights.hub("other"), undefined);
  const joined = new AbortController();
  hub.join(new HubClient(60_000, joined.signal, false));
  assert.equal(flights.waiters(), 1);
  assert.equal(flights.hub("k"), undefined, "full: COALESCE_MAX_WAITERS reached");
  const other = controlledStream();
  const second = new StreamHub(() => Promise.resolve(other.opened), first);
  flights.addHub("k", second, Promise.resolve());
  assert.equal(flights.size().streams, 1, "a joinable search is not replaced");
  up.finish(true);
  await hub.ended;
  release();
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(flights.size().streams, 0, "gone once its result is stored");
  assert.equal(new Flights(0).hub("k"), undefined);
  other.finish(true);
  await second.ended;
  for (const s of [up, other]) s.opened.attempts[Symbol.dispose]();
});
