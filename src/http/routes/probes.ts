import { Hono } from "hono";
import { VERSION } from "../../api/types.ts";
import { isUsable } from "../../core/usable.ts";
import type { Gateway } from "../../gateway/gateway.ts";
import { healthzReport, type HealthzSection } from "./healthz-report.ts";

/** Extra readiness checks (e.g. Redis), each naming what is wrong or undefined when fine. */
export type ReadinessCheck = () => Promise<string | undefined>;

export type { HealthzSection } from "./healthz-report.ts";

/** `/health` (liveness, spot-shaped), `/readyz`, `/healthz` and `/metrics` (docs/design.md §3). */
export function probeRoutes(
  gw: Gateway,
  ready: ReadinessCheck[] = [],
  sections: HealthzSection[] = [],
): Hono {
  const app = new Hono();
  const usable = () => gw.pool.active().filter((s) => isUsable(s, Date.now()));
  app.get("/health", (c) => {
    const spots = usable();
    const sum = (k: "busy" | "capacity") =>
      spots.reduce((n, s) => n + (gw.prober.last.get(s.id)?.[k] ?? 0), 0);
    return c.json({
      status: "healthy",
      version: VERSION,
      engine: gw.prober.last.get(spots[0]?.id ?? "")?.detail ?? "spotgate",
      busy: sum("busy"),
      capacity: sum("capacity"),
    });
  });
  app.get("/readyz", async (c) => {
    const reasons: string[] = [];
    if (gw.draining) reasons.push("draining: shutting down");
    // Only a spot that has passed a check counts: an unknown one has not been checked, and a
    // degraded one may have failed every check so far (its status alone does not say).
    if (!usable().some((s) => s.lastHealthyAt !== undefined)) {
      reasons.push("no usable spot has passed a check yet");
    }
    for (const check of ready) {
      const why = await check();
      if (why) reasons.push(why);
    }
    return c.json({ ready: reasons.length === 0, reasons }, reasons.length ? 503 : 200);
  });
  app.get("/healthz", async (c) => c.json(await healthzReport(gw, sections)));
  app.get("/metrics", async (c) => {
    c.header("Content-Type", gw.metrics.registry.contentType);
    return c.body(await gw.metrics.text());
  });
  return app;
}
