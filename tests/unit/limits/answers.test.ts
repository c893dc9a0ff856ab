import assert from "node:assert/strict";
import { GatewayError } from "../../../src/errors/gateway-error.ts";
import {
  denialError,
  grantedOrThrow,
  rateLimitHeaders,
  unavailableError,
} from "../../../src/limits/answers.ts";
import { HoldTimes } from "../../../src/limits/hold-times.ts";
import { DEFAULT_LIMITS, type Denial } from "../../../src/limits/limiter.ts";

const ctx = (random = () => 0.5) => ({
  limits: DEFAULT_LIMITS,
  holdTimes: new HoldTimes(),
  random,
});

Deno.test("hold times: mean hold, jittered ±25 %, clamped to 1..60 s", () => {
  const h = new HoldTimes({ alpha: 0.5, initialMs: 8000 });
  assert.equal(h.retryAfter("batch", () => 0.5), 8);
  assert.equal(h.retryAfter("batch", () => 0), 6);
  assert.equal(h.retryAfter("batch", () => 1), 10);
  h.observe("batch", 20_000);
  assert.equal(h.meanMs("batch"), 20_000, "the first observation replaces the guess");
  h.observe("batch", 10_000);
  assert.equal(h.meanMs("batch"), 15_000);
  h.observe("analysis", 100);
  assert.equal(h.retryAfter("analysis", () => 0), 1);
  h.observe("batch", 1e9);
  assert.equal(h.retryAfter("batch", () => 1), 60);
  assert.equal(new HoldTimes().meanMs("analysis"), 5000);
});

Deno.test("rateLimitHeaders: per-user policy in concurrent requests, never the global", () => {
  assert.deepEqual(rateLimitHeaders("batch", 1, 1, 7), {
    "RateLimit-Policy": '"batch-per-user";q=1;qu="concurrent-requests"',
    "RateLimit": '"batch-per-user";r=0;t=7',
  });
  assert.equal(rateLimitHeaders("analysis", 4, 1, 2)["RateLimit"], '"analysis-per-user";r=3;t=2');
});

Deno.test("denialError: user scope is a 429 that names the lease and what to do", () => {
  const d: Denial = { kind: "denied", scope: "user", userHeld: 1, userLeases: ["L1"] };
  const e = denialError(d, "batch", "alice", ctx());
  assert.equal(e.code, "user_concurrency_limit");
  assert.equal(e.status, 429);
  assert.equal(e.retryAfter, 5);
  assert.equal(
    e.message,
    "You already have 1 batch job running (lease L1): wait for it to finish or release it",
  );
  assert.match(e.hint!, /DELETE \/v1\/leases\/L1 frees one; the limit is 1 concurrent batch job/);
  assert.equal(e.headers["RateLimit"], '"batch-per-user";r=0;t=5');
  const a = denialError({ ...d, userHeld: 4, userLeases: ["a", "b"] }, "analysis", "u", ctx());
  assert.match(a.message, /You already have 4 analyses running, the most allowed per user/);
  assert.match(a.hint!, /^the limit is 4 concurrent analyses per user; retry after 5 s$/);
});

Deno.test("denialError: global scope is a 503 that does not disclose the capacity", () => {
  const d: Denial = { kind: "denied", scope: "global", userHeld: 0, userLeases: [] };
  const e = denialError(d, "batch", "bob", ctx(() => 0));
  assert.equal(e.code, "capacity_exhausted");
  assert.equal(e.status, 503);
  assert.equal(e.retryAfter, 4);
  assert.equal(e.message, "The gateway is at capacity for batch jobs: retry in 4 s");
  assert.equal(e.headers["RateLimit"], '"batch-per-user";r=1;t=4');
  assert.ok(!JSON.stringify(e.headers).includes("q=3"), "the global limit stays private");
  const anon = denialError(d, "analysis", undefined, ctx());
  assert.deepEqual(anon.headers, {}, "no per-user policy applies to an anonymous request");
});

Deno.test("grantedOrThrow: lease, denial error, or limiter_unavailable with Retry-After", () => {
  const lease = { id: "x", class: "batch", acquiredAt: 0, expiresAt: 1, ttl: 1 } as const;
  assert.equal(grantedOrThrow({ kind: "granted", lease }, "batch", "u", ctx()), lease);
  assert.throws(
    () =>
      grantedOrThrow(
        { kind: "denied", scope: "user", userHeld: 1, userLeases: [] },
        "batch",
        "u",
        ctx(),
      ),
    (e) => e instanceof GatewayError && e.code === "user_concurrency_limit",
  );
  assert.throws(
    () => grantedOrThrow({ kind: "error", reason: "down" }, "batch", "u", ctx()),
    (e) => e instanceof GatewayError && e.code === "limiter_unavailable" && e.retryAfter === 5,
  );
  assert.equal(unavailableError().status, 503);
});
