import { GatewayError } from "../errors/gateway-error.ts";

/** Errors worth searching a position again for: the fleet is full, down, or timed out. */
const TRANSIENT = new Set([
  "engine_busy",
  "no_spot_available",
  "upstream_timeout",
  "engine_failure",
]);

/** Whether a failed search may succeed later (never a refused position, nor a cancel). */
export function isTransient(err: unknown): boolean {
  return err instanceof GatewayError && TRANSIENT.has(err.code);
}

/** Options: tries (default 8), first delay (250 ms, doubling, at most 5 s), sleep. */
export interface RetryOptions {
  tries?: number;
  firstMs?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** Sleeps `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", stop, { once: true });
  });
}

/**
 * Runs `fn` until it succeeds, retrying transient failures with exponential backoff (the
 * error's Retry-After when longer); a permanent failure, the last try's, or an abort throws.
 */
export async function withRetries<T>(
  fn: () => Promise<T>,
  signal: AbortSignal,
  o: RetryOptions = {},
): Promise<T> {
  const tries = o.tries ?? 8, wait = o.sleep ?? sleep;
  for (let n = 1;; n++) {
    try {
      return await fn();
    } catch (err) {
      if (signal.aborted || n >= tries || !isTransient(err)) throw err;
      const backoff = Math.min(5000, (o.firstMs ?? 250) * 2 ** (n - 1));
      const retryAfterMs = ((err as GatewayError).retryAfter ?? 0) * 1000;
      await wait(Math.max(backoff, Math.min(retryAfterMs, 5000)), signal);
    }
  }
}
