import assert from "node:assert/strict";
import {
  isRetryable,
  isSpotFailure,
  MAX_ATTEMPTS,
  type OutcomeKind,
  RetryBudget,
} from "../../../src/core/attempt-policy.ts";

Deno.test("attempt policy: retry on spot failures only; 4xx and aborted are final", () => {
  const table: [OutcomeKind, boolean, boolean][] = [
    // kind, retryable, counts against the spot
    ["ok", false, false],
    ["connect_error", true, true],
    ["timeout", true, true],
    ["http_5xx", true, true],
    ["invalid", true, true],
    ["stream_cut", true, true],
    ["http_4xx", false, false],
    ["aborted", false, false],
  ];
  for (const [kind, retry, fault] of table) {
    assert.equal(isRetryable(kind), retry, `${kind} retryable`);
    assert.equal(isSpotFailure(kind), fault, `${kind} spot failure`);
  }
  assert.equal(MAX_ATTEMPTS, 3);
});

Deno.test("retry budget: at least 3 retries, at most 20 % of active requests", () => {
  const budget = new RetryBudget();
  for (let i = 0; i < 3; i++) assert.ok(budget.tryRetry());
  assert.equal(budget.tryRetry(), false, "the floor of 3 is spent");
  for (let i = 0; i < 25; i++) budget.requestStarted();
  assert.ok(budget.tryRetry() && budget.tryRetry());
  assert.equal(budget.tryRetry(), false, "5 = 20 % of 25");
  assert.equal(budget.inUse, 5);
  for (let i = 0; i < 25; i++) budget.requestEnded(i < 5 ? 1 : 0);
  assert.equal(budget.inUse, 0);
  assert.ok(budget.tryRetry(), "returned retries can be spent again");
});

Deno.test("retry budget: ending requests frees retries; counts never go negative", () => {
  const budget = new RetryBudget(0.5, 1);
  budget.requestStarted();
  assert.ok(budget.tryRetry());
  assert.equal(budget.tryRetry(), false, "max(1, floor(0.5 × 1)) = 1");
  budget.requestEnded(1);
  budget.requestEnded(7); // more ends and retries than started: clamped at 0
  assert.equal(budget.inUse, 0);
  assert.ok(budget.tryRetry());
  for (let i = 0; i < 4; i++) budget.requestStarted();
  assert.ok(budget.tryRetry(), "2 of 4 active");
  assert.equal(budget.tryRetry(), false);
});
