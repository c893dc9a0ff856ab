import type { Context, MiddlewareHandler } from "hono";
import type { GatewayMetrics } from "../../obs/metrics.ts";
import type { RequestTrace } from "../context.ts";
import { onResponseEnd } from "../response-end.ts";
import { labelCache } from "../../obs/label-cache.ts";

const STATIC = new Set([
  "/analyze",
  "/analyze/stream",
  "/health",
  "/readyz",
  "/healthz",
  "/metrics",
]);
const PATTERNS: [RegExp, string][] = [
  [/^\/admin\/engine\/spots$/, "/admin/engine/spots"],
  [/^\/admin\/engine\/spots\/[^/]+\/(enable|disable|healthcheck)$/, "/admin/engine/spots/:id/$1"],
  [/^\/v1\/leases$/, "/v1/leases"],
  [/^\/v1\/leases\/[^/]+\/renew$/, "/v1/leases/:id/renew"],
  [/^\/v1\/leases\/[^/]+$/, "/v1/leases/:id"],
  [/^\/v1\/(games|batches)$/, "/v1/$1"],
  [/^\/v1\/jobs\/[^/]+\/events$/, "/v1/jobs/:id/events"],
  [/^\/v1\/jobs\/[^/]+$/, "/v1/jobs/:id"],
  [/^\/admin\/jobs$/, "/admin/jobs"],
  [/^\/admin\/jobs\/[^/]+\/retry$/, "/admin/jobs/:id/retry"],
];

/** The `route` label of a request no route matched (a 404): one label for every such path. */
export const UNMATCHED_ROUTE = "unmatched";

/** The bounded `route` label of a path: its pattern, or "other"; never the raw path. */
export function routeLabel(path: string): string {
  if (STATIC.has(path)) return path;
  for (const [re, label] of PATTERNS) if (re.test(path)) return path.replace(re, label);
  return "other";
}

/**
 * One JSON log line and the request metrics per finished request: route, method, status,
 * duration, the spots tried and why each failed, attempts, first-event time, events relayed.
 */
export function requestLog(metrics: GatewayMetrics): MiddlewareHandler {
  const requests = labelCache((route, method, code) =>
    metrics.requests.labels(route, method, code)
  );
  const durations = labelCache((route, code) => metrics.requestDuration.labels(route, code));
  return async function requestLogMiddleware(c: Context, next) {
    const started = performance.now();
    const trace: RequestTrace = { route: routeLabel(c.req.path), tried: [] };
    c.set("trace", trace);
    await next();
    const status = c.res.status;
    const finish = () => {
      const seconds = (performance.now() - started) / 1000;
      const code = String(status);
      requests(trace.route, c.req.method, code).inc();
      durations(trace.route, code).observe(seconds);
      if (
        trace.route === "/metrics" || trace.route.startsWith("/health") || trace.route === "/readyz"
      ) return;
      c.get("log").info("request", {
        route: trace.route,
        method: c.req.method,
        status,
        duration_ms: Math.round(seconds * 1000),
        attempts: trace.tried.length,
        spots: trace.tried,
        first_event_ms: trace.stream?.firstEventMs === undefined
          ? undefined
          : Math.round(trace.stream.firstEventMs),
        events: trace.stream?.events,
        resumes: trace.stream?.resumes,
        user: trace.user,
      });
    };
    // A stream's request ends when its body does (completed, failed or cancelled).
    onResponseEnd(c, finish);
  };
}
