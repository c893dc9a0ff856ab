import { GatewayError } from "../../errors/gateway-error.ts";

/** Whether a request's `Cache-Control` asks for a fresh answer (`no-cache`, or `no-store`). */
export function noCache(cacheControl: string | undefined): boolean {
  return cacheControl !== undefined && /(^|[\s,])no-(cache|store)\b/i.test(cacheControl);
}

/**
 * Rethrows an analysis failure with `X-Cache: miss` on it, so that an error answer says, like
 * every other, that it did not come from the cache.
 */
export function withCacheHeader(err: unknown): never {
  if (err instanceof GatewayError && !err.headers["X-Cache"]) err.headers["X-Cache"] = "miss";
  throw err;
}
