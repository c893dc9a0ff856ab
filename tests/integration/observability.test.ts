import assert from "node:assert/strict";
import { SignJWT } from "jose";
import { waitForLine } from "../helpers/procs.ts";
import {
  checkSequence,
  faultStats,
  readEvents,
  setFault,
  START,
  startFaultSpot,
  startGateway,
  streamUrl,
} from "../helpers/cluster.ts";

// These tests are about routing each request: the position cache (on by default) would answer
// the repeated positions itself, so it is off here (tests/integration/cache*.test.ts cover it).
const NO_CACHE = { CACHE: "off" };

const SECRET = "integration-secret-integration-secret";

Deno.test("observability: correlation id reaches the spot; a JSON log line per request; disable drains a spot", async () => {
  const a = await startFaultSpot(), b = await startFaultSpot();
  const gw = await startGateway({}, {
    ...NO_CACHE,
    ENGINE_SPOTS: JSON.stringify([{ id: "a", url: a.url, priority: 200 }, { id: "b", url: b.url }]),
    ADMIN_JWT_SECRET: SECRET,
  });
  const token = await new SignJWT({ role: "admin" }).setProtectedHeader({ alg: "HS256" })
    .setAudience("spotgate-admin").setExpirationTime("5m").sign(new TextEncoder().encode(SECRET));
  const admin = (path: string, method = "POST") =>
    fetch(`${gw.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
  try {
    const res = await fetch(streamUrl(gw.url, START, 3), {
      headers: {
        "X-Correlation-ID": "trace-me-1",
        traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
      },
    });
    assert.equal(res.headers.get("x-correlation-id"), "trace-me-1");
    await readEvents(res);
    const seen = (await faultStats(a)).last_headers;
    assert.equal(seen["x-correlation-id"], "trace-me-1");
    assert.match(seen["traceparent"]!, /^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/);
    await waitForLine(
      gw.proc,
      '"msg":"request","service":"spotgate","correlation_id":"trace-me-1"',
    );
    const line = gw.proc.output().split("\n").filter((l) => l.includes('"trace-me-1"')).map((l) =>
      JSON.parse(l)
    )
      .find((l) => l.msg === "request");
    assert.ok(line, gw.proc.output());
    for (
      const k of [
        "time",
        "level",
        "route",
        "status",
        "duration_ms",
        "attempts",
        "spots",
        "first_event_ms",
        "events",
      ]
    ) {
      assert.ok(k in line, k);
    }
    assert.equal(line.events, 4);

    await setFault(a, "ok", 0, 100);
    const inflight = await fetch(streamUrl(gw.url, START, 10));
    assert.equal(inflight.headers.get("x-engine-spot"), "a");
    const draining = readEvents(inflight);
    assert.equal((await admin("/admin/engine/spots/a/disable")).status, 200);
    const next = await fetch(streamUrl(gw.url, START, 2));
    assert.equal(next.headers.get("x-engine-spot"), "b", "no new request lands on a disabled spot");
    await readEvents(next);
    const events = await draining;
    assert.deepEqual(checkSequence(events), []);
    assert.equal(
      events.filter((e) => e.event === "info").length,
      10,
      "the in-flight stream completed on a",
    );
    const list = await (await admin("/admin/engine/spots", "GET")).json();
    const spotA = list.spots.find((s: { id: string }) => s.id === "a");
    assert.equal(spotA.enabled, false);
    assert.ok(spotA.metrics.total_requests >= 2);
    assert.ok(list.global.total_requests >= 3);
    assert.equal((await admin("/admin/engine/spots/a/enable")).status, 200);
    const check = await (await admin("/admin/engine/spots/a/healthcheck")).json();
    assert.equal(check.ok, true);
  } finally {
    await gw.stop();
    await a.stop();
    await b.stop();
  }
});
