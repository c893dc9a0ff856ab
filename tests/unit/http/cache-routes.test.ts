import assert from "node:assert/strict";
import { createApp } from "../../../src/app.ts";
import { readEnv } from "../../../src/config/env.ts";
import { fileSchema } from "../../../src/config/schema.ts";
import { cacheFromEnv } from "../../../src/gateway/cache-setup.ts";
import { Gateway } from "../../../src/gateway/gateway.ts";
import { noCache } from "../../../src/http/routes/cache-headers.ts";
import { Logger } from "../../../src/obs/log.ts";
import { SseParser } from "../../../src/sse/parser.ts";
import { freePort } from "../../helpers/procs.ts";
import { result, START } from "../cache/fixtures.ts";

// A gateway whose one spot listens nowhere: anything that is not a hit fails.
async function testApp(env: Record<string, string> = {}) {
  const config = fileSchema.parse({ spots: [{ id: "a", url: `http://127.0.0.1:${freePort()}` }] });
  const gw = new Gateway(readEnv(env), config, new Logger("error", {}, () => {}));
  const cache = await cacheFromEnv(gw.env, gw);
  const app = createApp(gw, new Set(), { analyzer: cache.analyzer, healthz: [cache.healthz] });
  return { gw, app, cache };
}

const post = (body: object, headers: Record<string, string> = {}) => ({
  method: "POST",
  body: JSON.stringify(body),
  headers: { "content-type": "application/json", ...headers },
});
const ids = (text: string) =>
  new SseParser().push(text).flatMap((c) => (c.kind === "event" ? [c.event.id] : []));
const streamPath = (depth: number, multipv: number) =>
  `/analyze/stream?${new URLSearchParams({
    fen: START,
    depth: `${depth}`,
    multipv: `${multipv}`,
  })}`;

Deno.test("engine routes: a hit answers JSON and streams with X-Cache: hit and no spot", async () => {
  const { app, cache } = await testApp();
  await cache.analyzer.deps.cache!.save(START, result(12, 3));
  const res = await app.request("/analyze", post({ fen: START, depth: 10, multipv: 2 }));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("x-cache"), "hit");
  assert.equal(res.headers.get("x-engine-spot"), null);
  const body = await res.json();
  assert.equal(body.depth, 12);
  assert.equal(body.lines.length, 2);
  const stream = await app.request(streamPath(12, 2));
  assert.equal(stream.headers.get("x-cache"), "hit");
  assert.equal(stream.headers.get("content-type"), "text/event-stream; charset=utf-8");
  const text = await stream.text();
  assert.match(text, /^retry: /);
  assert.deepEqual(ids(text), ["12.1", "12.2", "result"]);
  const resumed = await app.request(streamPath(12, 2), { headers: { "Last-Event-ID": "12.1" } });
  assert.deepEqual(ids(await resumed.text()), ["12.2", "result"], "only what the client lacks");
  const finished = await app.request(streamPath(12, 2), { headers: { "Last-Event-ID": "result" } });
  assert.equal(finished.status, 204);
  const jobs = await cache.analyzer.analyse({ fen: START, depth: 5, multipv: 1 }, {
    signal: new AbortController().signal,
  });
  assert.equal(jobs.lines.length, 1, "analyse(): the same cache for code that is no route");
  const health = (await (await app.request("/healthz")).json()).cache;
  assert.equal(health.backend, "memory");
  assert.equal(health.entries, 3);
  assert.deepEqual(health.requests, { hit: 4, miss: 0, coalesced: 0, bypass: 0 });
  assert.equal(health.hit_ratio, 1);
  await cache.close();
});

Deno.test("engine routes: a miss or no-cache goes to the spots; errors carry X-Cache too", async () => {
  const { app, cache } = await testApp();
  await cache.analyzer.deps.cache!.save(START, result(12, 3));
  const deeper = await app.request("/analyze", post({ fen: START, depth: 13, multipv: 1 }));
  assert.equal(deeper.status, 503);
  assert.equal(deeper.headers.get("x-cache"), "miss");
  await deeper.body?.cancel();
  const fresh = await app.request(
    "/analyze",
    post({ fen: START, depth: 5, multipv: 1 }, { "Cache-Control": "no-cache" }),
  );
  assert.equal(fresh.headers.get("x-cache"), "bypass");
  await fresh.body?.cancel();
  const stream = await app.request(streamPath(14, 1));
  assert.equal(stream.status, 503);
  assert.equal(stream.headers.get("x-cache"), "miss");
  await stream.body?.cancel();
  await cache.close();
});

Deno.test("engine routes: CACHE=off answers bypass, and /healthz says the cache is off", async () => {
  const { app, cache } = await testApp({ CACHE: "off" });
  assert.equal(cache.analyzer.deps.cache, undefined);
  const res = await app.request("/analyze", post({ fen: START, depth: 5, multipv: 1 }));
  assert.equal(res.headers.get("x-cache"), "bypass");
  await res.body?.cancel();
  const stream = await app.request(streamPath(5, 1));
  assert.equal(stream.headers.get("x-cache"), "bypass");
  await stream.body?.cancel();
  const health = (await (await app.request("/healthz")).json()).cache;
  assert.equal(health.enabled, false);
  assert.equal(health.backend, "off");
  await cache.close();
});

Deno.test("noCache: no-cache and no-store in any case and position, nothing else", () => {
  assert.equal(noCache("no-cache"), true);
  assert.equal(noCache("max-age=0, No-Cache"), true);
  assert.equal(noCache("no-store"), true);
  assert.equal(noCache("max-age=60"), false);
  assert.equal(noCache(undefined), false);
});
