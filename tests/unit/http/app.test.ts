import assert from "node:assert/strict";
import { createApp } from "../../../src/app.ts";
import { readEnv } from "../../../src/config/env.ts";
import { fileSchema } from "../../../src/config/schema.ts";
import { Gateway } from "../../../src/gateway/gateway.ts";
import { Logger } from "../../../src/obs/log.ts";
import { routeLabel } from "../../../src/http/middleware/request-log.ts";
import { nextTraceparent } from "../../../src/http/middleware/correlation-id.ts";
import { freePort } from "../../helpers/procs.ts";

function testGateway(lines: string[] = []) {
  const config = fileSchema.parse({ spots: [{ id: "a", url: `http://127.0.0.1:${freePort()}` }] });
  const gw = new Gateway(readEnv({}), config, new Logger("debug", {}, (l) => lines.push(l)));
  return { gw, app: createApp(gw, new Set()) };
}

Deno.test("app: errors are the docs/design.md envelope with the correlation id; unknown routes are 404", async () => {
  const { app } = testGateway();
  const bad = await app.request("/analyze/stream?fen=nonsense", {
    headers: { "X-Correlation-ID": "abc-123" },
  });
  assert.equal(bad.status, 400);
  assert.equal(bad.headers.get("x-correlation-id"), "abc-123");
  const body = await bad.json();
  assert.equal(body.error.code, "invalid_fen");
  assert.equal(body.correlation_id, "abc-123");
  const missing = await app.request("/analyze/stream");
  assert.equal((await missing.json()).error.message, "fen is required");
  const post = await app.request("/analyze", { method: "POST", body: '{"fen":"x","depth":99}' });
  assert.equal(post.status, 400);
  const nope = await app.request("/nope");
  assert.equal(nope.status, 404);
  assert.equal((await nope.json()).error.code, "not_found");
});

Deno.test("app: a bad correlation id is replaced; X-Request-ID is taken; traceparent keeps the trace id", async () => {
  const { app } = testGateway();
  const made =
    (await app.request("/health", { headers: { "X-Correlation-ID": "bad id!" } })).headers;
  assert.match(made.get("x-correlation-id")!, /^[0-9a-f-]{36}$/);
  const req = await app.request("/health", { headers: { "X-Request-ID": "req.7_x" } });
  assert.equal(req.headers.get("x-correlation-id"), "req.7_x");
  const long = await app.request("/health", { headers: { "X-Correlation-ID": "x".repeat(129) } });
  assert.notEqual(long.headers.get("x-correlation-id"), "x".repeat(129));
  const trace = "0af7651916cd43dd8448eb211c80319c";
  assert.match(
    nextTraceparent(`00-${trace}-b7ad6b7169203331-01`),
    new RegExp(`^00-${trace}-[0-9a-f]{16}-01$`),
  );
  assert.doesNotMatch(nextTraceparent("garbage"), /garbage/);
  assert.doesNotMatch(nextTraceparent(`00-${"0".repeat(32)}-b7ad6b7169203331-01`), /-0{32}-/);
});

Deno.test("app: probes — /health in the spot shape, /readyz 503 with reasons, /healthz detail, draining", async () => {
  const { gw, app } = testGateway();
  const health = await (await app.request("/health")).json();
  assert.deepEqual(Object.keys(health).sort(), ["busy", "capacity", "engine", "status", "version"]);
  const ready = await app.request("/readyz");
  assert.equal(ready.status, 503);
  assert.deepEqual((await ready.json()).reasons, ["no usable spot has passed a check yet"]);
  Object.assign(gw.pool.get("a")!, { status: "healthy", lastHealthyAt: Date.now() });
  assert.equal((await app.request("/readyz")).status, 200);
  gw.draining = true;
  const draining = await app.request("/readyz");
  assert.equal(draining.status, 503);
  assert.match(JSON.stringify(await draining.json()), /draining/);
  const healthz = await (await app.request("/healthz")).json();
  assert.equal(healthz.status, "draining");
  assert.equal(healthz.spots[0].id, "a");
  assert.doesNotMatch(JSON.stringify(healthz), /127\.0\.0\.1/, "no spot address");
});

Deno.test("app: /metrics exposes the spotgate series and passes promtool check metrics", async () => {
  const lines: string[] = [];
  const { gw, app } = testGateway(lines);
  await app.request("/analyze", {
    method: "POST",
    body: JSON.stringify({ fen: "8/8/8/4k3/8/8/8/4K3 w - - 0 1" }),
  });
  gw.applyConfig(fileSchema.parse({ spots: [{ id: "b", url: "http://127.0.0.1:1" }] }), "test");
  gw.rejectConfig("bad", "test");
  const text = await (await app.request("/metrics")).text();
  for (
    const name of [
      "spotgate_requests_total",
      "spotgate_request_duration_seconds_bucket",
      "spotgate_upstream_requests_total",
      "spotgate_spot_status",
      "spotgate_spot_in_flight",
      "spotgate_circuit_state",
      "spotgate_config_reloads_total",
      "spotgate_streams_active",
      "process_cpu_seconds_total",
    ]
  ) assert.match(text, new RegExp(`^${name}`, "m"), name);
  assert.match(text, /spotgate_requests_total\{route="\/analyze",method="POST",code="503"\} 1/);
  assert.doesNotMatch(text, /8\/8\/8/, "no FEN in a label");
  const promtool = new Deno.Command("promtool", {
    args: ["check", "metrics"],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const w = promtool.stdin.getWriter();
  await w.write(new TextEncoder().encode(text));
  await w.close();
  const out = await promtool.output();
  const said = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  assert.ok(out.success, said);
  const log = lines.map((l) => JSON.parse(l)).find((l) => l.msg === "request");
  assert.equal(log.route, "/analyze");
  assert.equal(log.status, 503);
  assert.ok(log.correlation_id);
  assert.deepEqual(log.spots.map((s: { spot: string; outcome: string }) => s.outcome), [
    "connect_error",
  ]);
});

Deno.test("routeLabel keeps labels bounded", () => {
  assert.equal(routeLabel("/analyze/stream"), "/analyze/stream");
  assert.equal(routeLabel("/admin/engine/spots/x-1/disable"), "/admin/engine/spots/:id/disable");
  assert.equal(routeLabel("/v1/leases/abc/renew"), "/v1/leases/:id/renew");
  assert.equal(routeLabel("/v1/leases/abc"), "/v1/leases/:id");
  assert.equal(routeLabel("/etc/passwd"), "other");
});
