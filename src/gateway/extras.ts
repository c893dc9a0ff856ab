import type { Hono } from "hono";
import type { AppExtras } from "../app.ts";
import { adminAuth, adminVerifier } from "../http/middleware/admin-auth.ts";
import { mountAppAuth } from "../http/middleware/app-auth.ts";
import { rateLimit } from "../http/middleware/rate-limit.ts";
import { adminRoutes } from "../http/routes/admin.ts";
import { consoleRoutes } from "../http/routes/console.ts";
import { loadConsoleFiles } from "../http/routes/console-site.ts";
import { statusEventRoutes } from "../http/routes/status-events.ts";
import { appAuthFromEnv } from "./app-auth-setup.ts";
import type { Gateway } from "./gateway.ts";
import { jobsFromEnv } from "./jobs-setup.ts";
import { limiterExtras, limiterFromEnv } from "./limiter-setup.ts";
import { cacheFromEnv } from "./cache-setup.ts";

/** Optional parts built from the environment, and how to close them at shutdown. */
export interface Extras extends AppExtras {
  close?: () => Promise<void>;
}

/**
 * Builds the parts the environment configures: app authentication (when on), the limiter,
 * the position cache, the game analysis jobs (their positions through the same cache), and
 * the (JWT-guarded) admin API, each with its own key.
 */
export async function extrasFor(gw: Gateway): Promise<Extras> {
  const verify = await adminVerifier({
    secret: gw.env.ADMIN_JWT_SECRET,
    publicKeyPem: gw.env.ADMIN_JWT_PUBLIC_KEY,
    maxTtlS: gw.env.ADMIN_JWT_MAX_TTL,
  });
  const appAuth = await appAuthFromEnv(gw.env);
  const setup = await limiterFromEnv(gw.env, gw.metrics, gw.log);
  const limiter = limiterExtras(setup, gw.env);
  const cache = await cacheFromEnv(gw.env, gw);
  const jobs = await jobsFromEnv(gw, setup.limiter, cache.analyzer.deps.cache);
  const healthz = [...limiter.healthz, cache.healthz, jobs.healthz];
  return {
    // Before validation and admission: the limiter counts the authenticated user.
    authenticate: (app: Hono) => {
      if (appAuth) mountAppAuth(app, appAuth);
    },
    mount: (app: Hono) => {
      limiter.mount(app);
      jobs.mount(app);
      app.use("/admin/*", rateLimit(gw.env.ADMIN_RATE_LIMIT), adminAuth(verify));
      app.route("/", adminRoutes(gw));
      jobs.mountAdmin(app);
      app.route("/", statusEventRoutes(gw, healthz));
      // Loaded (and built when stale) in the background: the gateway serves at once.
      if (gw.env.CONSOLE === "on") app.route("/", consoleRoutes(loadConsoleFiles(gw.log)));
    },
    ready: limiter.ready,
    healthz,
    analyzer: cache.analyzer,
    close: async () => {
      await jobs.close();
      await cache.close();
      await setup.close();
    },
  };
}
