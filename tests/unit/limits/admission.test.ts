import assert from "node:assert/strict";
import { Hono } from "hono";
import { jwtVerify, SignJWT } from "jose";
import { renderError } from "../../../src/errors/render.ts";
import { admission } from "../../../src/http/middleware/admission.ts";
import { HoldTimes } from "../../../src/limits/hold-times.ts";
import { MemoryLimiter } from "../../../src/limits/memory.ts";

const LIMITS = { analysis: { user: 1, global: 3 }, batch: { user: 1, global: 3 } };
const KEY = new TextEncoder().encode("test-secret-of-at-least-32-bytes!!");
const verifyUser = async (t: string) => (await jwtVerify(t, KEY)).payload.sub;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function setup(ttlMs = 30_000) {
  const limiter = new MemoryLimiter({ limits: LIMITS, ttlMs });
  const app = new Hono();
  app.onError(renderError);
  const answers = { limits: LIMITS, holdTimes: new HoldTimes(), random: () => 0.5 };
  const streamed = admission({ limiter, answers, verifyUser });
  app.use("/analyze/stream", streamed);
  app.use("/analyze/fail", streamed);
  app.use("/analyze", admission({ limiter, answers, userHeader: "X-Account" }));
  app.post("/analyze", (c) => c.json({ held: limiter.held().length }));
  app.get("/analyze/fail", () => {
    throw new Error("boom");
  });
  app.get("/analyze/stream", () => {
    let n = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(ctrl) {
        await sleep(20);
        if (++n > 5) return ctrl.close();
        ctrl.enqueue(new TextEncoder().encode(`: tick ${limiter.held().length}\n`));
      },
    });
    return new Response(body, { headers: { "content-type": "text/event-stream" } });
  });
  return { app, limiter };
}

Deno.test("admission: a JSON answer holds a slot while handled and frees it after", async () => {
  const { app, limiter } = setup();
  const res = await app.request("/analyze", { method: "POST", headers: { "X-Account": "a" } });
  assert.deepEqual(await res.json(), { held: 1 });
  assert.equal(limiter.held().length, 0);
});

Deno.test("admission: 429 for a user at the limit, 503 at the global limit; anonymous is global only", async () => {
  const { app, limiter } = setup();
  const held = await limiter.acquire({ class: "analysis", user: "u1" });
  const r429 = await app.request("/analyze", { method: "POST", headers: { "X-Account": "u1" } });
  assert.equal(r429.status, 429);
  assert.equal(r429.headers.get("ratelimit"), '"analysis-per-user";r=0;t=5');
  assert.equal(r429.headers.get("retry-after"), "5");
  const b = await r429.json();
  assert.equal(b.error.code, "user_concurrency_limit");
  assert.match(b.error.message, /You already have 1 analysis running/);
  await limiter.acquire({ class: "analysis" });
  const ok = await app.request("/analyze", { method: "POST" });
  assert.deepEqual(await ok.json(), { held: 3 }, "anonymous: not held to the per-user limit");
  await limiter.acquire({ class: "analysis" });
  const r503 = await app.request("/analyze", { method: "POST" });
  assert.equal(r503.status, 503);
  assert.equal(r503.headers.get("ratelimit"), null, "no per-user policy for anonymous");
  assert.equal((await r503.json()).error.code, "capacity_exhausted");
  assert.ok(held.kind === "granted");
});

Deno.test("admission: a verified JWT's sub is the user; a bad token falls back to the header", async () => {
  const { app, limiter } = setup();
  await limiter.acquire({ class: "analysis", user: "jwt-user" });
  const token = await new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setSubject("jwt-user")
    .sign(KEY);
  const headers = { authorization: `Bearer ${token}`, "X-User-ID": "other" };
  const res = await app.request("/analyze/stream", { headers });
  assert.equal(res.status, 429, "counted as the token's subject, not the header");
  await res.body?.cancel();
  const bad = await app.request("/analyze/stream", {
    headers: { authorization: "Bearer not.a.jwt", "X-User-ID": "other" },
  });
  assert.equal(bad.status, 200);
  await bad.body?.cancel();
  const long = await app.request("/analyze/stream", { headers: { "X-User-ID": "x".repeat(300) } });
  assert.equal(long.status, 400);
  assert.equal((await long.json()).error.code, "invalid_request");
});

Deno.test("admission: a stream holds its slot until read to the end", async () => {
  const { app, limiter } = setup();
  const res = await app.request("/analyze/stream", { headers: { "X-User-ID": "s" } });
  assert.equal(limiter.held().length, 1, "next() returned; the body is still to come");
  const text = await res.text();
  assert.equal(text.split("\n").filter(Boolean).length, 5);
  assert.ok(text.includes(": tick 1"));
  assert.equal(limiter.held().length, 0);
});

Deno.test("admission: a cancelled stream (client gone) frees its slot", async () => {
  const { app, limiter } = setup();
  const res = await app.request("/analyze/stream", { headers: { "X-User-ID": "c" } });
  const reader = res.body!.getReader();
  await reader.read();
  assert.equal(limiter.held().length, 1);
  await reader.cancel();
  assert.equal(limiter.held().length, 0);
});

Deno.test("admission: a long stream renews its lease past the TTL", async () => {
  const { app, limiter } = setup(45);
  const res = await app.request("/analyze/stream", { headers: { "X-User-ID": "r" } });
  const text = await res.text(); // ~120 ms: more than two TTLs
  assert.ok(!text.includes(": tick 0"), "the lease was never lost while streaming");
  assert.equal(limiter.held().length, 0);
});

Deno.test("admission: a failing handler frees its slot and renders the error", async () => {
  const { app, limiter } = setup();
  const res = await app.request("/analyze/fail", { headers: { "X-User-ID": "f" } });
  assert.equal(res.status, 500);
  assert.equal((await res.json()).error.code, "internal_error");
  assert.equal(limiter.held().length, 0);
});
