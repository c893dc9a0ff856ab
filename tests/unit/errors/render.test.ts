import assert from "node:assert/strict";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { GatewayError } from "../../../src/errors/gateway-error.ts";
import { renderError, toGatewayError } from "../../../src/errors/render.ts";

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
