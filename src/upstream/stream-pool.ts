/** Idle keep-alive connections kept per spot for streams (more are closed, not pooled). */
export const STREAM_POOL_IDLE = 4;

let client: Deno.HttpClient | undefined;

/**
 * The HTTP client for upstream streams: a keep-alive pool that keeps at most
 * STREAM_POOL_IDLE idle connections per spot, for 10 s. With fetch's default pool every
 * stream that ended left its connection idle in the pool, so a burst of hundreds of streams
 * left hundreds of open sockets to the spots after every client had gone.
 */
export function streamClient(): Deno.HttpClient {
  client ??= Deno.createHttpClient({
    poolMaxIdlePerHost: STREAM_POOL_IDLE,
    poolIdleTimeout: 10_000,
  });
  return client;
}
