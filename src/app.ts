import { Hono } from "hono";
import { GatewayError } from "./errors/gateway-error.ts";
import { renderError } from "./errors/render.ts";
import type { Gateway } from "./gateway/gateway.ts";
import { correlationId } from "./http/middleware/correlation-id.ts";
import { requestLog, UNMATCHED_ROUTE } from "./http/middleware/request-log.ts";
import { engineRoutes } from "./http/routes/engine.ts";
import { type HealthzSection, probeRoutes, type ReadinessCheck } from "./http/routes/probes.ts";
import type { OpenedClientStream } from "./proxy/stream-types.ts";
import type { RequestTrace } from "./http/context.ts";
import { analysisParams } from "./http/middleware/analysis-params.ts";
import type { Analyzer } from "./cache/analyzer.ts";
import { analyzerFor } from "./gateway/analyzer-setup.ts";

/** Optional parts mounted when configured (limiter, admin), and probe extensions. */
export interface AppExtras {
  /** Mounts app authentication (when on): it runs before validation and admission. */
  authenticate?: (app: Hono) => void;
  mount?: (app: Hono) => void;
  ready?: ReadinessCheck[];
  healthz?: HealthzSection[];
  /** Cache + coalescing + routing (default: routing alone, no cache: X-Cache: bypass). */
  analyzer?: Analyzer;
}

/** Failover and resume counters for a finished proxied request. */
function countFailover(gw: Gateway, trace: RequestTrace): void {
  const ok = trace.tried.at(-1)?.outcome === "ok";
  if (ok && trace.tried.length > 1) gw.metrics.failovers.inc();
  if (trace.stream) {
    gw.metrics.streamsActive.dec();
    if (trace.stream.resumes > 0) gw.metrics.resumes.inc(trace.stream.resumes);
  }
}

/**
 * The gateway's Hono app: correlation id, request log, one error renderer; the probes, the
 * engine API, and whatever `extras` mounts. No I/O at import: tests call `app.request()`.
 */
export function createApp(
  gw: Gateway,
  streams: Set<OpenedClientStream>,
  extras: AppExtras = {},
): Hono {
  const app = new Hono();
  app.onError(renderError);
  // Rendered, not thrown: a throw here skips what the request log does after `await next()`,
  // so 404s went uncounted. Every unknown path shares one route label: the metric stays bounded.
  app.notFound((c) => {
    const trace = c.get("trace");
    if (trace) trace.route = UNMATCHED_ROUTE;
    const error = new GatewayError("not_found", "No such route", {
      hint: "See the README for the API: /analyze, /analyze/stream, /health, /readyz, /metrics",
    });
    return renderError(error, c);
  });
  app.use("*", correlationId(gw.log));
  app.use("*", requestLog(gw.metrics));
  extras.authenticate?.(app);
  // Validation before admission: an invalid request never takes a limiter slot.
  app.use("/analyze", analysisParams("body", gw.env.MAX_BODY_BYTES));
  app.use("/analyze/stream", analysisParams("query"));
  extras.mount?.(app);
  app.route("/", probeRoutes(gw, extras.ready, extras.healthz));
  app.route(
    "/",
    engineRoutes({
      analyzer: extras.analyzer ?? analyzerFor(gw),
      onStreamOpen: (s) => {
        streams.add(s);
        gw.metrics.streamsActive.inc();
        s.done.then(() => streams.delete(s));
      },
      onFinished: (trace) => countFailover(gw, trace),
    }),
  );
  return app;
}
