/** How long a lost event stream waits before its next try (README "Console"). */
export interface Backoff {
  /** The first wait, in milliseconds (default 1000). */
  firstMs: number;
  /** The longest wait (default 10 000): each failure doubles the wait up to it. */
  maxMs: number;
}

/** The default: 1 s, 2 s, 4 s, 8 s, then every 10 s. */
export const DEFAULT_BACKOFF: Backoff = { firstMs: 1000, maxMs: 10_000 };

/**
 * The wait before try number `attempt` (1 for the first reconnect) after a failure; a
 * `Retry-After` from the server, when it gave one, wins (never less than it asked).
 */
export function reconnectDelay(
  attempt: number,
  retryAfterS?: number,
  backoff: Backoff = DEFAULT_BACKOFF,
): number {
  const doubled = backoff.firstMs * 2 ** Math.max(0, attempt - 1);
  const base = Math.min(backoff.maxMs, doubled);
  return retryAfterS === undefined ? base : Math.max(base, retryAfterS * 1000);
}
