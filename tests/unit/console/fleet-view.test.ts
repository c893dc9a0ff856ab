import assert from "node:assert/strict";
import { fire, flush, mount, typeInto, unmount } from "./dom.ts";
import { serveFetch, sse } from "./fake-fetch.ts";
import { html } from "../../../src/console/web/html.ts";
import { FleetView } from "../../../src/console/web/fleet/fleet-view.ts";
import type { SpotStatus, StatusReport } from "../../../src/console/web/fleet/report.ts";

const spot = (id: string, more: Partial<SpotStatus> = {}): SpotStatus => ({
  id,
  region: "local",
  priority: 100,
  enabled: true,
  admin_disabled: false,
  status: "healthy",
  circuit: "closed",
  in_flight: 1,
  usable: true,
  latency_ms: { p50: 12.3, p95: 40 },
  success_rate: 0.995,
  last_check: {
    ok: true,
    ms: 2,
    detail: "Stockfish",
    capacity: 2,
    checked_at: new Date().toISOString(),
  },
  ...more,
});

const REPORT: StatusReport = {
  status: "ok",
  version: "0.1.0",
  uptime_s: 5,
  in_flight: 1,
  streams_active: 0,
  spots: [
    spot("local-1"),
    spot("local-2", { enabled: false, admin_disabled: true, status: "down", last_check: null }),
  ],
  limiter: {
    backend: "memory",
    policy: "local",
    redis: "not configured",
    fallback_active: false,
    in_flight: { analysis: 1 },
  },
  jobs: { waiting: 2, running: 1, failed: 0 },
};

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) {
    await flush(() => new Promise((r) => setTimeout(r, 10)));
  }
};

Deno.test("fleet view: spots from the status stream; admin actions with the pasted token", async () => {
  const posted: string[] = [];
  const fake = serveFetch({
    "GET /healthz/events": () => sse([{ event: "status", id: "1", data: REPORT }]),
    "POST /admin/engine/spots/local-1/disable": (req) => {
      posted.push(`${req.headers.get("authorization")} disable`);
      return new Response("{}");
    },
    "POST /admin/engine/spots/local-2/enable": () =>
      new Response(JSON.stringify({ error: { code: "forbidden", message: "Not an admin" } }), {
        status: 403,
      }),
  });
  const root = await mount(html`<${FleetView} />`);
  try {
    await until(() => root.querySelectorAll("tr[data-spot]").length === 2);
    const one = root.querySelector('tr[data-spot="local-1"]')!;
    assert.equal(one.getAttribute("data-status"), "healthy");
    assert.match(one.textContent!, /1 \/ 2/);
    assert.match(one.textContent!, /12 \/ 40 ms/);
    assert.match(one.textContent!, /99\.5 %/);
    const two = root.querySelector('tr[data-spot="local-2"]')!;
    assert.equal(two.getAttribute("data-enabled"), "disabled by admin");
    assert.match(two.textContent!, /not yet/);
    assert.ok(root.querySelector("#panel-limiter") && root.querySelector("#panel-jobs"));
    assert.match(root.querySelector("#panel-jobs")!.textContent!, /waiting2/);
    assert.equal(root.querySelector("button[data-action]"), null, "no actions without a token");
    await flush(() => typeInto(root.querySelector("#admin-token"), "tok"));
    await flush(() =>
      fire(root.querySelector('tr[data-spot="local-1"] button[data-action="disable"]'), "click")
    );
    await until(() => posted.length === 1);
    assert.deepEqual(posted, ["Bearer tok disable"]);
    await flush(() =>
      fire(root.querySelector('tr[data-spot="local-2"] button[data-action="enable"]'), "click")
    );
    await until(() => root.querySelector(".notice.error") !== null);
    assert.match(root.querySelector(".notice.error")!.textContent!, /Not an admin/);
  } finally {
    await unmount(root);
    fake.restore();
  }
});
