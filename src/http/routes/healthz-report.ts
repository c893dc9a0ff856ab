import { VERSION } from "../../api/types.ts";
import type { SpotRecord } from "../../core/spot.ts";
import { isUsable } from "../../core/usable.ts";
import type { Gateway } from "../../gateway/gateway.ts";

/** Extra `/healthz` sections (e.g. the limiter). */
export type HealthzSection = () => Promise<Record<string, unknown>>;

const rounded = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** One spot as `/healthz` and the status stream show it: never its URL. */
function spotSummary(gw: Gateway, s: SpotRecord, now: number) {
  const { requests, successes } = s.counters;
  const latency = s.latencies.summary();
  return {
    id: s.id,
    region: s.settings.region,
    priority: s.settings.priority,
    enabled: s.enabled,
    admin_disabled: s.adminDisabled,
    status: s.status,
    circuit: s.breaker.state(now),
    in_flight: s.inFlight,
    usable: isUsable(s, now),
    latency_ms: { p50: rounded(latency.p50), p95: rounded(latency.p95) },
    success_rate: requests === 0 ? null : Math.round((successes / requests) * 1000) / 1000,
    last_check: gw.prober.last.get(s.id) ?? null,
  };
}

/** What `/healthz` answers: status, uptime, streams, every spot, plus the extra sections. */
export type HealthzReport = Record<string, unknown> & {
  status: "ok" | "draining";
  spots: ReturnType<typeof spotSummary>[];
};

/**
 * The `/healthz` report (README "Operating it"), shared by `/healthz` and its event stream
 * (`/healthz/events`), so that both always show the same data.
 */
export async function healthzReport(
  gw: Gateway,
  sections: HealthzSection[] = [],
  now: number = Date.now(),
): Promise<HealthzReport> {
  const spots = gw.pool.list().map((s) => spotSummary(gw, s, now));
  const extra = Object.assign({}, ...(await Promise.all(sections.map((f) => f()))));
  return {
    status: gw.draining ? "draining" : "ok",
    version: VERSION,
    uptime_s: Math.round((now - gw.startedAt) / 1000),
    in_flight: spots.reduce((n, s) => n + s.in_flight, 0),
    streams_active: (await gw.metrics.streamsActive.get()).values[0]?.value ?? 0,
    spots,
    ...extra,
  };
}
