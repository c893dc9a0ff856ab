import assert from "node:assert/strict";
import { Hono } from "hono";
import { renderError } from "../../../src/errors/render.ts";
import { leaseRoutes } from "../../../src/http/routes/leases.ts";
import { HoldTimes } from "../../../src/limits/hold-times.ts";
import type { ConcurrencyLimiter } from "../../../src/limits/limiter.ts";
import { MemoryLimiter } from "../../../src/limits/memory.ts";

const LIMITS = { analysis: { user: 4, global: 0 }, batch: { user: 1, global: 3 } };

function app(limiter: ConcurrencyLimiter = new MemoryLimiter({ limits: LIMITS })) {
  const a = new Hono();
  a.onError(renderError);
  a.route(
    "/",
    leaseRoutes({
      limiter,
      answers: {
        limits: LIMITS,
        holdTimes: new HoldTimes(),
        random: () => 0.5,
      },
    }),
  );
  return a;
}
const take = (a: Hono, body: unknown) =>
  a.request("/v1/leases", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

Deno.test("POST /v1/leases: 201 with the lease; 429 for the user; 503 when all are taken", async () => {
  const a = app();
  const res = await take(a, { user_id: "alice", class: "batch" });
  assert.equal(res.status, 201);
  const lease = await res.json();
  assert.deepEqual(Object.keys(lease), ["lease_id", "user_id", "class", "expires_at", "ttl_s"]);
  assert.equal(lease.user_id, "alice");
  assert.equal(lease.ttl_s, 30);
  assert.ok(Math.abs(Date.parse(lease.expires_at) - Date.now() - 30_000) < 2000);
  const again = await take(a, { user_id: "alice" });
  assert.equal(again.status, 429);
  assert.equal(again.headers.get("retry-after"), "5");
  assert.equal(
    again.headers.get("ratelimit-policy"),
    '"batch-per-user";q=1;qu="concurrent-requests"',
  );
  assert.equal(again.headers.get("ratelimit"), '"batch-per-user";r=0;t=5');
  const body = await again.json();
  assert.equal(body.error.code, "user_concurrency_limit");
  assert.equal(
    body.error.message,
    `You already have 1 batch job running (lease ${lease.lease_id}): wait for it to finish or release it`,
  );
  assert.ok("correlation_id" in body);
  assert.equal((await take(a, { user_id: "bob" })).status, 201);
  assert.equal((await take(a, { user_id: "carol" })).status, 201);
  const full = await take(a, { user_id: "dave" });
  assert.equal(full.status, 503);
  assert.equal(full.headers.get("retry-after"), "5");
  assert.equal(full.headers.get("ratelimit"), '"batch-per-user";r=1;t=5');
  const fb = await full.json();
  assert.equal(fb.error.code, "capacity_exhausted");
  assert.match(fb.error.message, /at capacity for batch jobs: retry in 5 s/);
  assert.doesNotMatch(JSON.stringify(fb), /\b3\b/, "the global limit is not disclosed");
});

Deno.test("POST /v1/leases: bad bodies are 400 invalid_request with a clear message", async () => {
  const a = app();
  const cases: [unknown, RegExp][] = [
    [{}, /user_id is required/],
    [{ user_id: 42 }, /user_id must be a string/],
    [{ user_id: "  " }, /user_id is empty/],
    [{ user_id: "x".repeat(300) }, /over 256 characters/],
    [{ user_id: "u", class: "analysis" }, /class must be "batch"/],
  ];
  for (const [body, message] of cases) {
    const res = await take(a, body);
    assert.equal(res.status, 400);
    const j = await res.json();
    assert.equal(j.error.code, "invalid_request");
    assert.match(j.error.message, message);
    assert.match(j.error.hint, /user_id/);
  }
  const raw = await a.request("/v1/leases", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{",
  });
  assert.equal(raw.status, 400);
  assert.equal((await raw.json()).error.code, "invalid_request");
});

Deno.test("renew extends a lease; DELETE is idempotent; a gone lease is 404", async () => {
  let now = 1_000_000;
  const a = app(new MemoryLimiter({ limits: LIMITS, ttlMs: 10_000, now: () => now }));
  const { lease_id: id } = await (await take(a, { user_id: "erin" })).json();
  now += 5000;
  const renewed = await a.request(`/v1/leases/${id}/renew`, { method: "POST" });
  assert.equal(renewed.status, 200);
  const rb = await renewed.json();
  assert.equal(rb.expires_at, new Date(1_015_000).toISOString());
  assert.equal(rb.class, "batch");
  for (let i = 0; i < 2; i++) {
    const del = await a.request(`/v1/leases/${id}`, { method: "DELETE" });
    assert.equal(del.status, 204);
    assert.equal(await del.text(), "");
  }
  const gone = await a.request(`/v1/leases/${id}/renew`, { method: "POST" });
  assert.equal(gone.status, 404);
  const gb = await gone.json();
  assert.equal(gb.error.code, "not_found");
  assert.match(gb.error.message, new RegExp(`Lease ${id} is not held`));
  assert.equal((await take(a, { user_id: "erin" })).status, 201, "the slot is free again");
});
