import type { Hono } from "hono";
import type { AppExtras } from "../app.ts";
import { adminAuth, adminVerifier } from "../http/middleware/admin-auth.ts";
import { rateLimit } from "../http/middleware/rate-limit.ts";
import { adminRoutes } from "../http/routes/admin.ts";
import type { Gateway } from "./gateway.ts";

/** Optional parts built from the environment, and how to close them at shutdown. */
export interface Extras extends AppExtras {
  close?: () => Promise<void>;
}

/** Builds the parts the environment configures: the admin API (always mounted, JWT-guarded). */
export async function extrasFor(gw: Gateway): Promise<Extras> {
  const verify = await adminVerifier({
    secret: gw.env.ADMIN_JWT_SECRET,
    publicKeyPem: gw.env.ADMIN_JWT_PUBLIC_KEY,
  });
  return {
    mount: (app: Hono) => {
      app.use("/admin/*", rateLimit(gw.env.ADMIN_RATE_LIMIT), adminAuth(verify));
      app.route("/", adminRoutes(gw));
    },
  };
}
