import { Hono } from "hono";
import type { SpotRecord } from "../../core/spot.ts";
import { GatewayError } from "../../errors/gateway-error.ts";
import type { Gateway } from "../../gateway/gateway.ts";

const iso = (t: number | undefined) => (t === undefined ? null : new Date(t).toISOString());
const ms = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** One spot as the admin API shows it (seed 000 §17.4, extended). */
function spotView(s: SpotRecord, now: number) {
  const { requests, successes, failures } = s.counters;
  const lat = s.latencies.summary();
  return {
    id: s.id,
    url: s.settings.url,
    region: s.settings.region,
    priority: s.settings.priority,
    enabled: s.enabled,
    admin_disabled: s.adminDisabled,
    removed: s.removed,
    status: s.status,
    circuit: s.breaker.state(now),
    in_flight: s.inFlight,
    metrics: {
      total_requests: requests,
      failure_count: failures,
      success_rate: requests === 0 ? null : Math.round((successes / requests) * 1000) / 1000,
      avg_latency_ms: ms(lat.avg),
      p50_latency_ms: ms(lat.p50),
      p95_latency_ms: ms(lat.p95),
      p99_latency_ms: ms(lat.p99),
      last_healthy_at: iso(s.lastHealthyAt),
    },
  };
}

async function total(gw: Gateway, metric: "failovers" | "resumes" | "requests"): Promise<number> {
  const values = (await gw.metrics[metric].get()).values;
  const engine = metric !== "requests"
    ? values
    : values.filter((v) => String(v.labels.route).startsWith("/analyze"));
  return engine.reduce((n, v) => n + v.value, 0);
}

/** The admin API (docs/design.md §3): list spots; enable, disable, health-check one. Auth is mounted outside. */
export function adminRoutes(gw: Gateway): Hono {
  const app = new Hono();
  const spotOr404 = (id: string) => {
    const spot = gw.pool.get(id);
    if (!spot) {
      throw new GatewayError("not_found", `No spot with id "${id}"`, {
        hint: "GET /admin/engine/spots lists them",
      });
    }
    return spot;
  };
  app.get("/admin/engine/spots", async (c) => {
    const now = Date.now();
    return c.json({
      spots: gw.pool.list().map((s) => spotView(s, now)),
      global: {
        total_requests: await total(gw, "requests"),
        failover_count: await total(gw, "failovers"),
        resume_count: await total(gw, "resumes"),
        uptime_s: Math.round((now - gw.startedAt) / 1000),
      },
    });
  });
  for (const action of ["enable", "disable"] as const) {
    app.post(`/admin/engine/spots/:id/${action}`, (c) => {
      const spot = spotOr404(c.req.param("id"));
      spot.adminDisabled = action === "disable";
      gw.log.info(`spot ${spot.id} ${action}d by admin`, {
        spot: spot.id,
        in_flight: spot.inFlight,
      });
      return c.json(spotView(spot, Date.now()));
    });
  }
  app.post("/admin/engine/spots/:id/healthcheck", async (c) => {
    const spot = spotOr404(c.req.param("id"));
    const result = await gw.prober.checkNow(spot);
    return c.json({ spot: spot.id, ...result, status: spot.status });
  });
  return app;
}
