import { DEFAULT_RTT_MS } from "../../../src/core/ewma.ts";
import assert from "node:assert/strict";
import { SpotRecord } from "../../../src/core/spot.ts";

const settings = {
  id: "s1",
  url: "http://127.0.0.1:1",
  region: "eu",
  priority: 100,
  enabled: true,
};

Deno.test("SpotRecord starts unknown, idle, closed, in slow start from its creation", () => {
  const s = new SpotRecord({ ...settings }, 1234);
  assert.equal(s.id, "s1");
  assert.equal(s.status, "unknown");
  assert.equal(s.inFlight, 0);
  assert.equal(s.consecutiveFailures, 0);
  assert.equal(s.slowStartSince, 1234);
  assert.equal(s.lastHealthyAt, undefined);
  assert.equal(s.removed, false);
  assert.equal(s.breaker.state(1234), "closed");
  assert.deepEqual(s.counters, { requests: 0, successes: 0, failures: 0 });
  assert.equal(s.ewma.value, DEFAULT_RTT_MS);
});

Deno.test("SpotRecord.enabled is the config flag and no admin hold", () => {
  const s = new SpotRecord({ ...settings }, 0);
  assert.ok(s.enabled);
  s.adminDisabled = true;
  assert.equal(s.enabled, false);
  s.adminDisabled = false;
  s.settings = { ...settings, enabled: false };
  assert.equal(s.enabled, false);
});

Deno.test("SpotRecord reports circuit transitions with its id and uses the injected random", () => {
  const seen: string[] = [];
  const s = new SpotRecord(
    { ...settings },
    0,
    { onCircuit: (id, from, to) => seen.push(`${id}:${from}>${to}`) },
    () => 1, // +10 % jitter: the cool-down is 33 s
  );
  for (let i = 0; i < 5; i++) s.breaker.allow(0)!.done(false, 0);
  assert.equal(s.breaker.state(32_999), "open");
  assert.equal(s.breaker.state(33_000), "half_open");
  assert.deepEqual(seen, ["s1:closed>open", "s1:open>half_open"]);
  new SpotRecord({ ...settings }, 0).breaker.allow(0)!.done(false, 0); // no hooks: no throw
});
