import assert from "node:assert/strict";
import { consoleRoutes } from "../../../src/http/routes/console.ts";
import { consoleAsset } from "../../../src/http/routes/console-assets.ts";
import { acceptsGzip, CONSOLE_CSP, matchesEtag } from "../../../src/http/routes/console-headers.ts";
import { renderError } from "../../../src/errors/render.ts";
import { Hono } from "hono";

const enc = new TextEncoder();

async function site() {
  const files = new Map([
    ["index.html", await consoleAsset("index.html", enc.encode("<!doctype html><p>console</p>"))],
    ["main-AAAA.js", await consoleAsset("main-AAAA.js", enc.encode("console.log(1);".repeat(200)))],
  ]);
  const app = new Hono();
  app.onError(renderError);
  app.route("/", consoleRoutes(Promise.resolve(files)));
  return app;
}

Deno.test("console serving: / and /console redirect; the page revalidates, hashed files are immutable", async () => {
  const app = await site();
  const root = await app.request("/");
  assert.equal(root.status, 302);
  assert.equal(root.headers.get("location"), "/console/");
  assert.equal((await app.request("/console")).headers.get("location"), "/console/");
  const page = await app.request("/console/");
  assert.equal(page.status, 200);
  assert.equal(page.headers.get("content-type"), "text/html; charset=utf-8");
  assert.equal(page.headers.get("cache-control"), "no-cache");
  assert.equal(page.headers.get("content-security-policy"), CONSOLE_CSP);
  assert.doesNotMatch(CONSOLE_CSP, /unsafe-inline|unsafe-eval|\*/);
  assert.equal(await page.text(), "<!doctype html><p>console</p>");
  const js = await app.request("/console/main-AAAA.js");
  assert.equal(js.headers.get("cache-control"), "public, max-age=31536000, immutable");
  assert.equal(js.headers.get("content-type"), "text/javascript; charset=utf-8");
  assert.equal(js.headers.get("x-content-type-options"), "nosniff");
  await js.body?.cancel();
});

Deno.test("console serving: gzip when asked for, a 304 for a known ETag, HEAD without a body", async () => {
  const app = await site();
  const plain = await app.request("/console/main-AAAA.js");
  const bytes = new Uint8Array(await plain.arrayBuffer());
  const zipped = await app.request("/console/main-AAAA.js", {
    headers: { "accept-encoding": "br, gzip;q=0.8" },
  });
  assert.equal(zipped.headers.get("content-encoding"), "gzip");
  assert.equal(zipped.headers.get("vary"), "Accept-Encoding");
  const body = new Uint8Array(await zipped.arrayBuffer());
  assert.ok(body.length < bytes.length, "smaller");
  const unzipped = await new Response(
    new Blob([body]).stream().pipeThrough(new DecompressionStream("gzip")),
  ).arrayBuffer();
  assert.deepEqual(new Uint8Array(unzipped), bytes);
  const etag = plain.headers.get("etag")!;
  assert.match(etag, /^"[0-9a-f]{32}"$/);
  const again = await app.request("/console/main-AAAA.js", {
    headers: { "if-none-match": `W/${etag}` },
  });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), "");
  const head = await app.request("/console/main-AAAA.js", { method: "HEAD" });
  assert.equal(head.headers.get("content-length"), String(bytes.length));
  assert.equal(await head.text(), "");
});

Deno.test("console serving: an unknown file, or no bundle at all, is a 404 that says what to do", async () => {
  const app = await site();
  const none = await app.request("/console/main-OLD.js");
  assert.equal(none.status, 404);
  assert.match((await none.json()).error.message, /No console file "main-OLD.js"/);
  const missing = new Hono();
  missing.onError(renderError);
  missing.route("/", consoleRoutes(Promise.resolve({ missing: "its bundle is not built" })));
  const res = await missing.request("/console/");
  assert.equal(res.status, 404);
  const body = await res.json();
  assert.equal(body.error.message, "The console is not available: its bundle is not built");
  assert.match(body.error.hint, /deno task console:build/);
});

Deno.test("console headers: If-None-Match lists and Accept-Encoding q-values", () => {
  assert.equal(matchesEtag(undefined, '"a"'), false);
  assert.equal(matchesEtag('"b", "a"', '"a"'), true);
  assert.equal(matchesEtag("*", '"a"'), true);
  assert.equal(matchesEtag('"b"', '"a"'), false);
  assert.equal(acceptsGzip("gzip"), true);
  assert.equal(acceptsGzip("gzip;q=0"), false);
  assert.equal(acceptsGzip("identity"), false);
  assert.equal(acceptsGzip("*"), true);
  assert.equal(acceptsGzip(undefined), false);
});
