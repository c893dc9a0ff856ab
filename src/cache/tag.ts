import { GatewayError } from "../errors/gateway-error.ts";
import type { CacheOutcome } from "./metrics.ts";

/**
 * `p`, with a failure's GatewayError tagged `X-Cache: outcome`, so that an error answer says
 * like every other how the cache met the request (a miss, a joined search, a bypass).
 */
export async function tagged<T>(p: Promise<T>, outcome: CacheOutcome): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof GatewayError) err.headers["X-Cache"] ??= outcome;
    throw err;
  }
}
