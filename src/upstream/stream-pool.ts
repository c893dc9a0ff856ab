/**
 * Idle keep-alive connections kept per spot for streams (more are closed, not pooled): as
 * many as the streams a busy spot serves at once, so that a steady load reuses its
 * connections. With 4, 32 concurrent streams dialled a new connection for 72 % of streams
 * (tests/integration/stream-reuse.test.ts; docs/benchmark.md).
 */
export const STREAM_POOL_IDLE = 32;

/** How long an idle stream connection is kept (ms). */
export const STREAM_POOL_IDLE_MS = 10_000;

let client: Deno.HttpClient | undefined;

/**
 * The HTTP client for upstream streams: a keep-alive pool that keeps at most
 * STREAM_POOL_IDLE idle connections per spot, for STREAM_POOL_IDLE_MS. With fetch's default
 * pool every stream that ended left its connection idle in the pool, so a burst of hundreds
 * of streams left hundreds of open sockets to the spots after every client had gone.
 */
export function streamClient(): Deno.HttpClient {
  client ??= Deno.createHttpClient({
    poolMaxIdlePerHost: STREAM_POOL_IDLE,
    poolIdleTimeout: STREAM_POOL_IDLE_MS,
  });
  return client;
}
