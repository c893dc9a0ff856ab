import type { MiddlewareHandler } from "hono";
import { getConnInfo } from "hono/deno";
import { TokenBuckets } from "../../core/token-bucket.ts";
import { GatewayError } from "../../errors/gateway-error.ts";

/** The client's address as the connection shows it (no forwarded header is trusted). */
function clientOf(c: Parameters<MiddlewareHandler>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // app.request() in tests has no connection
  }
}

/** Rate-limits requests per client address: `perMinute` a minute; 429 `rate_limited` past it. */
export function rateLimit(perMinute: number, now: () => number = Date.now): MiddlewareHandler {
  const buckets = new TokenBuckets(perMinute);
  return async function rateLimitMiddleware(c, next) {
    const wait = buckets.take(clientOf(c), now());
    if (wait > 0) {
      throw new GatewayError("rate_limited", `Too many admin requests: ${perMinute} a minute`, {
        hint: "Wait for the Retry-After delay",
        retryAfter: wait,
      });
    }
    await next();
  };
}
