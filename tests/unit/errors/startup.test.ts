import assert from "node:assert/strict";
import { listenError, startupLine } from "../../../src/errors/startup.ts";

Deno.test("startup line: prefixed once, any thrown value", () => {
  assert.equal(startupLine(new Error("PORT is bad")), "Cannot start: PORT is bad");
  assert.equal(startupLine(new Error("Cannot start: x")), "Cannot start: x");
  assert.equal(startupLine("plain"), "Cannot start: plain");
});

Deno.test("listen error: names the setting to change, the gateway's or the spot's", () => {
  const inUse = new Deno.errors.AddrInUse("Address already in use");
  assert.equal(
    listenError("127.0.0.1", 8080, inUse).message,
    "cannot listen on 127.0.0.1:8080 (Address already in use); stop what uses it or set PORT to a free port",
  );
  assert.equal(
    listenError("pod-name", 8001, new Error("lookup failed"), { host: "--host", port: "--port" })
      .message,
    "cannot listen on pod-name:8001 (lookup failed); set --host to an address of this machine, e.g. 0.0.0.0 or 127.0.0.1",
  );
  assert.match(listenError("h", 1, "odd").message, /\(odd\)/);
});
