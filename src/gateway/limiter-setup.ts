import type { Hono } from "hono";
import type { GatewayEnv } from "../config/env.ts";
import { admission } from "../http/middleware/admission.ts";
import { leaseRoutes } from "../http/routes/leases.ts";
import { createLimiter, type LimiterSetup } from "../limits/create.ts";
import { registerLimiterMetrics } from "../limits/metrics.ts";
import type { Logger } from "../obs/log.ts";
import type { GatewayMetrics } from "../obs/metrics.ts";
import type { AppExtras } from "../app.ts";
import { redisTransitionLine } from "./redis-log.ts";

/**
 * The limiter from the environment: limits, lease TTL, Redis and its down-policy; every Redis
 * transition is logged once, as a `warn` line.
 */
export function limiterFromEnv(
  env: GatewayEnv,
  metrics: GatewayMetrics,
  log: Logger,
): Promise<LimiterSetup> {
  return createLimiter({
    limits: {
      analysis: { user: env.ANALYSIS_USER_LIMIT, global: env.ANALYSIS_GLOBAL_LIMIT },
      batch: { user: env.BATCH_USER_LIMIT, global: env.BATCH_GLOBAL_LIMIT },
    },
    ttlMs: env.LEASE_TTL * 1000,
    redisUrl: env.REDIS_URL,
    onRedisDown: env.LIMITER_ON_REDIS_DOWN,
    replicas: env.GATEWAY_REPLICAS,
    metrics: registerLimiterMetrics(metrics.registry, { redis: env.REDIS_URL !== undefined }),
    onTransition: (t) => {
      const line = redisTransitionLine(t, env.LIMITER_ON_REDIS_DOWN);
      log.warn(line.msg, line.fields);
    },
  });
}

/**
 * Why the limiter keeps the gateway from serving, or undefined: only with
 * `LIMITER_ON_REDIS_DOWN=deny` while Redis is away. With `local` the fallback answers, so a
 * Redis outage never takes a sidecar's app out of its Service.
 */
export function limiterNotReady(setup: LimiterSetup, env: GatewayEnv): string | undefined {
  if (env.LIMITER_ON_REDIS_DOWN !== "deny" || setup.redisUp() !== false) return undefined;
  return "redis: unreachable, and LIMITER_ON_REDIS_DOWN=deny refuses limited requests";
}

/**
 * Admission on proxied analyses, the lease API, and the limiter's part of the probes. The user
 * is the authenticated one when app auth is on (app-auth.ts), else the user header.
 */
export function limiterExtras(
  setup: LimiterSetup,
  env: GatewayEnv,
): Required<Pick<AppExtras, "mount" | "ready" | "healthz">> {
  const admit = admission({
    limiter: setup.limiter,
    answers: setup.answers,
    userHeader: env.USER_HEADER,
  });
  return {
    mount: (app: Hono) => {
      // Both paths by name: "/analyze/*" would also match "/analyze" and admit twice.
      app.use("/analyze", admit);
      app.use("/analyze/stream", admit);
      app.route("/", leaseRoutes({ limiter: setup.limiter, answers: setup.answers }));
    },
    ready: [() => Promise.resolve(limiterNotReady(setup, env))],
    healthz: [async () => ({
      limiter: {
        backend: setup.backend(),
        policy: env.LIMITER_ON_REDIS_DOWN,
        redis: env.REDIS_URL ? (await setup.ping() ? "ok" : "unreachable") : "not configured",
        fallback_active: setup.backend() === "fallback",
        limits: setup.answers.limits,
        // Leases held on this replica, by class (the console's limiter panel).
        in_flight: {
          analysis: setup.limiter.inFlight("analysis"),
          batch: setup.limiter.inFlight("batch"),
        },
      },
    })],
  };
}
