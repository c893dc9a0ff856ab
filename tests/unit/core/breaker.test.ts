import assert from "node:assert/strict";
import { CircuitBreaker, circuitNumber, type CircuitState } from "../../../src/core/breaker.ts";

function breaker(transitions: string[] = []) {
  return new CircuitBreaker({
    random: () => 0.5, // no jitter: cool-downs are exact
    onTransition: (from: CircuitState, to: CircuitState) => transitions.push(`${from}>${to}`),
  });
}

function fail(b: CircuitBreaker, n: number, now: number): void {
  for (let i = 0; i < n; i++) b.allow(now)!.done(false, now);
}

Deno.test("breaker opens after 5 consecutive failures; a success resets the count", () => {
  const b = breaker();
  fail(b, 4, 0);
  b.allow(0)!.done(true, 0);
  fail(b, 4, 0);
  assert.equal(b.state(0), "closed");
  fail(b, 1, 0);
  assert.equal(b.state(0), "open");
  assert.equal(b.allow(1), null);
  assert.equal(circuitNumber("open"), 2);
  assert.equal(circuitNumber("half_open"), 1);
  assert.equal(circuitNumber("closed"), 0);
});

Deno.test("breaker: half-open after the cool-down lets exactly one probe through; success closes", () => {
  const t: string[] = [];
  const b = breaker(t);
  fail(b, 5, 0);
  assert.equal(b.state(29_999), "open");
  assert.equal(b.state(30_000), "half_open");
  const probe = b.allow(30_000)!;
  assert.ok(probe);
  assert.equal(b.allow(30_001), null, "only one probe");
  assert.equal(b.canAllow(30_001), false);
  probe.done(true, 30_002);
  assert.equal(b.state(30_002), "closed");
  assert.deepEqual(t, ["closed>open", "open>half_open", "half_open>closed"]);
});

Deno.test("breaker: each failed probe doubles the cool-down, up to the cap", () => {
  const b = breaker();
  fail(b, 5, 0);
  let at = 30_000;
  for (const cooldown of [60_000, 120_000, 240_000, 300_000, 300_000]) {
    assert.equal(b.state(at), "half_open");
    b.allow(at)!.done(false, at);
    assert.equal(b.state(at + cooldown - 1), "open", `still open before ${cooldown}`);
    at += cooldown;
  }
  assert.equal(b.state(at), "half_open");
});

Deno.test("breaker: jitter keeps cool-downs within ±10 %", () => {
  for (const r of [0, 1]) {
    const b = new CircuitBreaker({ random: () => r });
    fail(b, 5, 0);
    const edge = r === 0 ? 27_000 : 33_000;
    assert.equal(b.state(edge - 1), "open");
    assert.equal(b.state(edge), "half_open");
  }
});

Deno.test("breaker: outcomes of attempts from an older generation are ignored", () => {
  const b = breaker();
  const early = b.allow(0)!; // a long stream starts while closed
  fail(b, 5, 0);
  assert.equal(b.state(30_000), "half_open");
  const probe = b.allow(30_000)!;
  early.done(true, 30_001); // its late success must not close the circuit
  assert.equal(b.state(30_001), "half_open");
  probe.cancel(); // the probe's client left: the slot is free again, no outcome recorded
  assert.ok(b.allow(30_002));
  early.cancel();
});

Deno.test("breaker: a passing health check ends the cool-down early; the next attempt is the probe", () => {
  const b = breaker();
  fail(b, 5, 0);
  b.heal();
  assert.equal(b.state(1), "half_open");
  b.allow(1)!.done(false, 1);
  assert.equal(b.state(2), "open", "a failed probe opens it again, cool-down doubled");
  b.heal();
  b.allow(3)!.done(true, 3);
  assert.equal(b.state(3), "closed");
  b.heal();
  assert.equal(b.state(4), "closed", "heal does nothing to a closed circuit");
});
