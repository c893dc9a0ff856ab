import assert from "node:assert/strict";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { GatewayError } from "../../../src/errors/gateway-error.ts";
import { renderError, toGatewayError } from "../../../src/errors/render.ts";
import { Logger } from "../../../src/obs/log.ts";
import "../../../src/http/context.ts";

Deno.test("toGatewayError maps HTTPException statuses and hides unknown errors", () => {
  assert.equal(toGatewayError(new HTTPException(413)).code, "payload_too_large");
  assert.equal(toGatewayError(new HTTPException(404)).code, "not_found");
  assert.equal(toGatewayError(new HTTPException(400, { message: "x" })).code, "invalid_request");
  const internal = toGatewayError(new Error("connect ECONNREFUSED 10.0.0.7:8001"));
  assert.equal(internal.code, "internal_error");
  assert.doesNotMatch(internal.message, /10\.0\.0\.7/);
});

Deno.test("renderError writes the envelope with Retry-After and extra headers", async () => {
  const app = new Hono();
  app.onError(renderError);
  app.get("/busy", () => {
    throw new GatewayError("no_spot_available", "No spot is available", {
      hint: "Retry shortly",
      retryAfter: 1.2,
      headers: { "X-Test": "1" },
    });
  });
  app.get("/boom", () => {
    throw new TypeError("secret stack");
  });
  const res = await app.request("/busy");
  assert.equal(res.status, 503);
  assert.equal(res.headers.get("retry-after"), "2");
  assert.equal(res.headers.get("x-test"), "1");
  assert.deepEqual(await res.json(), {
    error: { code: "no_spot_available", message: "No spot is available", hint: "Retry shortly" },
    correlation_id: null,
  });
  const boom = await app.request("/boom");
  assert.equal(boom.status, 500);
  assert.doesNotMatch(await boom.text(), /secret stack/);
});

Deno.test("renderError logs an unexpected error once, at error, with its stack", async () => {
  const lines: string[] = [];
  const log = new Logger("info", { correlation_id: "c-1" }, (l) => lines.push(l));
  const app = new Hono();
  app.onError(renderError);
  app.use("*", async (c, next) => {
    c.set("log", log);
    await next();
  });
  app.get("/boom", () => {
    throw new TypeError("a bug");
  });
  app.get("/refused", () => {
    throw new GatewayError("invalid_request", "bad");
  });
  assert.equal((await app.request("/boom")).status, 500);
  assert.equal((await app.request("/refused")).status, 400);
  assert.equal(lines.length, 1, "refusals are not logged as errors");
  const line = JSON.parse(lines[0]!);
  assert.equal(line.level, "error");
  assert.equal(line.correlation_id, "c-1");
  assert.match(line.stack, /TypeError: a bug/);
});
