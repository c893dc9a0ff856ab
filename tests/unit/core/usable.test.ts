import assert from "node:assert/strict";
import { isUsable } from "../../../src/core/usable.ts";
import { testSpot } from "./fixtures.ts";

Deno.test("isUsable: enabled, configured, not down, circuit letting an attempt through", () => {
  const now = 0;
  const s = testSpot("a");
  assert.ok(isUsable(s, now));
  for (const status of ["unknown", "healthy", "degraded"] as const) {
    s.status = status;
    assert.ok(isUsable(s, now), status);
  }
  s.status = "down";
  assert.equal(isUsable(s, now), false);
  s.status = "healthy";
  s.settings.enabled = false;
  assert.equal(isUsable(s, now), false, "disabled in the config");
  s.settings.enabled = true;
  s.adminDisabled = true;
  assert.equal(isUsable(s, now), false, "held by an admin");
  s.adminDisabled = false;
  s.removed = true;
  assert.equal(isUsable(s, now), false, "dropped from the config");
});

Deno.test("isUsable: open circuit no; half-open with its probe slot free yes, taken no", () => {
  const s = testSpot("a", {}, 0);
  for (let i = 0; i < 5; i++) s.breaker.allow(0)!.done(false, 0);
  assert.equal(isUsable(s, 1), false, "open");
  assert.ok(isUsable(s, 40_000), "half-open, the probe slot is free");
  const probe = s.breaker.allow(40_000)!;
  assert.equal(isUsable(s, 40_001), false, "half-open, probe out");
  probe.done(true, 40_002);
  assert.ok(isUsable(s, 40_003), "closed again");
});
