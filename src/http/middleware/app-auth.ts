import type { Hono, MiddlewareHandler } from "hono";
import type { AppAuthenticator } from "../../auth/authenticator.ts";
import "../../auth/identity.ts";

/**
 * The paths app authentication guards: the engine API and every `/v1/*` route (leases, and
 * whatever comes under it later). Probes, `/metrics` and `/admin/*` (its own key) stay apart.
 */
export const APP_AUTH_PATHS: readonly string[] = ["/analyze", "/analyze/stream", "/v1/*"];

/**
 * Requires a valid app credential (401 `unauthorized` otherwise) and puts the verified
 * identity in the context, where `identify()` and the lease routes take the user from.
 */
export function appAuth(auth: AppAuthenticator): MiddlewareHandler {
  return async function appAuthMiddleware(c, next) {
    const identity = await auth.authenticate({
      authorization: c.req.header("authorization"),
      apiKey: c.req.header("x-api-key"),
    });
    c.set("identity", identity);
    await next();
  };
}

/** Mounts `appAuth` on APP_AUTH_PATHS; call before admission is mounted (it needs the user). */
export function mountAppAuth(app: Hono, auth: AppAuthenticator): void {
  const guard = appAuth(auth);
  // By name: "/analyze/*" would also match "/analyze" and authenticate twice.
  for (const path of APP_AUTH_PATHS) app.use(path, guard);
}
