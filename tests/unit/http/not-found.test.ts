import assert from "node:assert/strict";
import { createApp } from "../../../src/app.ts";
import { readEnv } from "../../../src/config/env.ts";
import { fileSchema } from "../../../src/config/schema.ts";
import { extrasFor } from "../../../src/gateway/extras.ts";
import { Gateway } from "../../../src/gateway/gateway.ts";
import { Logger } from "../../../src/obs/log.ts";

Deno.test("404s are counted in spotgate_requests_total under one bounded route label", async () => {
  const lines: string[] = [];
  const config = fileSchema.parse({ spots: [{ id: "a", url: "http://127.0.0.1:1" }] });
  const gw = new Gateway(readEnv({}), config, new Logger("info", {}, (l) => lines.push(l)));
  const app = createApp(gw, new Set(), await extrasFor(gw));
  for (const path of ["/nope", "/x/y/z", `/${crypto.randomUUID()}`]) {
    const res = await app.request(path);
    assert.equal(res.status, 404);
    assert.equal((await res.json()).error.code, "not_found");
  }
  assert.equal((await app.request("/analyze")).status, 404, "GET on a POST route");
  const renew = await app.request("/v1/leases/gone/renew", { method: "POST" });
  assert.equal(renew.status, 404, "a matched route's own 404 keeps its pattern");
  const text = await (await app.request("/metrics")).text();
  assert.match(text, /^spotgate_requests_total\{route="unmatched",method="GET",code="404"\} 4$/m);
  assert.match(
    text,
    /^spotgate_requests_total\{route="\/v1\/leases\/:id\/renew",method="POST",code="404"\} 1$/m,
  );
  assert.doesNotMatch(text, /nope|x\/y\/z/, "never the raw path");
  const logged = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === "request");
  assert.equal(logged.filter((l) => l.route === "unmatched" && l.status === 404).length, 4);
});
