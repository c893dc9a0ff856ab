import assert from "node:assert/strict";
import { GatewayError } from "../../../src/errors/gateway-error.ts";

/** Asserts `run` throws a 400 `invalid_request` with exactly `message`; returns the error. */
export function assertRefused(run: () => unknown, message: string | RegExp): GatewayError {
  let caught: unknown;
  try {
    run();
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof GatewayError, `expected a GatewayError, got ${caught}`);
  assert.equal(caught.code, "invalid_request");
  assert.equal(caught.status, 400);
  if (typeof message === "string") assert.equal(caught.message, message);
  else assert.match(caught.message, message);
  return caught;
}
