import type { Hono } from "hono";
import type { JWTPayload } from "jose";
import type { GatewayEnv } from "../config/env.ts";
import { admission } from "../http/middleware/admission.ts";
import { leaseRoutes } from "../http/routes/leases.ts";
import { createLimiter, type LimiterSetup } from "../limits/create.ts";
import { registerLimiterMetrics } from "../limits/metrics.ts";
import type { GatewayMetrics } from "../obs/metrics.ts";
import type { AppExtras } from "../app.ts";

/** The limiter from the environment: limits, lease TTL, Redis and its down-policy. */
export function limiterFromEnv(env: GatewayEnv, metrics: GatewayMetrics): Promise<LimiterSetup> {
  return createLimiter({
    limits: {
      analysis: { user: env.ANALYSIS_USER_LIMIT, global: env.ANALYSIS_GLOBAL_LIMIT },
      batch: { user: env.BATCH_USER_LIMIT, global: env.BATCH_GLOBAL_LIMIT },
    },
    ttlMs: env.LEASE_TTL * 1000,
    redisUrl: env.REDIS_URL,
    onRedisDown: env.LIMITER_ON_REDIS_DOWN,
    replicas: env.GATEWAY_REPLICAS,
    metrics: registerLimiterMetrics(metrics.registry),
  });
}

/**
 * Admission on proxied analyses, the lease API, and the limiter's part of the probes. A bearer
 * JWT that verifies with the configured key names the user by its `sub`; else the user header.
 */
export function limiterExtras(
  setup: LimiterSetup,
  env: GatewayEnv,
  verify?: (token: string) => Promise<JWTPayload>,
): Required<Pick<AppExtras, "mount" | "ready" | "healthz">> {
  const verifyUser = verify && ((t: string) => verify(t).then((p) => p.sub, () => undefined));
  const admit = admission({
    limiter: setup.limiter,
    answers: setup.answers,
    userHeader: env.USER_HEADER,
    verifyUser,
  });
  return {
    mount: (app: Hono) => {
      // Both paths by name: "/analyze/*" would also match "/analyze" and admit twice.
      app.use("/analyze", admit);
      app.use("/analyze/stream", admit);
      app.route("/", leaseRoutes({ limiter: setup.limiter, answers: setup.answers }));
    },
    ready: [async () => (env.REDIS_URL && !(await setup.ping()) ? "redis: no answer" : undefined)],
    healthz: [async () => ({
      limiter: {
        backend: setup.backend(),
        redis: env.REDIS_URL ? (await setup.ping() ? "ok" : "unreachable") : "not configured",
        limits: setup.answers.limits,
      },
    })],
  };
}
