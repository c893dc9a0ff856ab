import assert from "node:assert/strict";
import { createApp } from "../../../src/app.ts";
import { readEnv } from "../../../src/config/env.ts";
import { fileSchema } from "../../../src/config/schema.ts";
import { Gateway } from "../../../src/gateway/gateway.ts";
import { Logger } from "../../../src/obs/log.ts";
import { freePort } from "../../helpers/procs.ts";
import { observeHealth } from "../../../src/core/record.ts";

function gatewayOn(url: string) {
  const config = fileSchema.parse({ spots: [{ id: "a", url }] });
  const gw = new Gateway(readEnv({}), config, new Logger("error", {}, () => {}));
  return { gw, app: createApp(gw, new Set()) };
}

Deno.test("readyz: a spot that failed its first check (degraded, never healthy) does not make it ready", async () => {
  const { gw, app } = gatewayOn(`http://127.0.0.1:${freePort()}`);
  const spot = gw.pool.get("a")!;
  assert.equal((await gw.prober.checkNow(spot)).ok, false);
  assert.equal(spot.status, "degraded", "usable, but never seen healthy");
  const res = await app.request("/readyz");
  assert.equal(res.status, 503);
  assert.deepEqual((await res.json()).reasons, ["no usable spot has passed a check yet"]);
});

Deno.test("readyz: ready once a check passed, and still while that spot is only degraded", async () => {
  const { gw, app } = gatewayOn(`http://127.0.0.1:${freePort()}`);
  const spot = gw.pool.get("a")!;
  observeHealth(spot, true, Date.now(), 3); // what a passing check feeds in
  assert.equal((await app.request("/readyz")).status, 200);
  observeHealth(spot, false, Date.now(), 3); // one failed request: degraded, still usable
  assert.equal(spot.status, "degraded");
  assert.equal((await app.request("/readyz")).status, 200, "it has passed a check before");
  spot.status = "down";
  assert.equal((await app.request("/readyz")).status, 503, "down is not usable");
});
