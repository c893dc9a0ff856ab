import type { AnalysisRequest } from "../api/types.ts";
import type { Outcome } from "../core/attempt-policy.ts";
import { isRetryable } from "../core/attempt-policy.ts";
import { GatewayError } from "../errors/gateway-error.ts";
import type { Logger } from "../obs/log.ts";
import { postAnalyze } from "../upstream/client.ts";
import { Attempts } from "./attempts.ts";
import { exhausted } from "./failure.ts";
import type { Router, TriedSpot } from "./router.ts";

/** What a JSON dispatch needs besides the request. */
export interface DispatchOptions {
  router: Router;
  /** Per attempt: to the whole answer (JSON) or to the first event (stream). */
  timeoutMs: number;
  /** The whole request, every attempt included (JSON; default: unbounded). */
  deadlineMs?: number;
  signal: AbortSignal;
  headers: Record<string, string>;
  /** Filled in as attempts happen, for the request's log line. */
  tried: TriedSpot[];
  /**
   * Asked when an attempt timed out: does the spot still answer its health check? Then the
   * search is deep, not the spot sick, and the timeout is no verdict on the spot.
   */
  stillAnswering?: (spotUrl: string) => Promise<boolean>;
  log?: Logger;
}

/** A relayed answer: the status and body of the spot that answered. */
export interface DispatchResult {
  spot: string;
  attempts: number;
  status: number;
  /** The spot's JSON answer, verified, as text. */
  text: string;
}

async function verdict(outcome: Outcome, url: string, opts: DispatchOptions): Promise<Outcome> {
  if (outcome.kind !== "timeout" || !opts.stillAnswering) return outcome;
  return (await opts.stillAnswering(url)) ? { kind: "slow" } : outcome;
}

/**
 * `POST /analyze` through the pool (Caddy's proxy loop): the attempt book hands out a spot,
 * the attempt runs within what is left of the deadline, its outcome is recorded, and a
 * retryable failure goes to another spot. A 4xx from a spot is relayed in the gateway's error
 * shape, never retried; a search too deep for its deadline is not retried either.
 */
export async function dispatchJson(
  req: AnalysisRequest,
  opts: DispatchOptions,
): Promise<DispatchResult> {
  using attempts = new Attempts(opts.router, opts.tried, opts.deadlineMs ?? Infinity);
  while (true) {
    using lease = attempts.next();
    if (!lease) break;
    const timeoutMs = Math.min(opts.timeoutMs, attempts.remainingMs());
    const res = await postAnalyze(lease.url, req, { ...opts, timeoutMs });
    // Only a timeout needs the second opinion; every other answer stays on the fast path.
    const outcome = res.outcome.kind === "timeout"
      ? await verdict(res.outcome, lease.url, opts)
      : res.outcome;
    attempts.record(lease, outcome, res.latencyMs);
    if (outcome.kind === "aborted") {
      throw new GatewayError("invalid_request", "Client closed the request");
    }
    if (outcome.kind === "ok") {
      return { spot: lease.id, attempts: attempts.count, status: res.status!, text: res.text! };
    }
    if (outcome.kind === "http_4xx") {
      const refusal = { status: res.status!, text: res.text };
      throw exhausted(opts.tried, { unavailable: { full: false, retryAfterS: 1 }, refusal });
    }
    if (!isRetryable(outcome.kind)) break;
  }
  const unavailable = opts.router.unavailable(new Set());
  throw exhausted(opts.tried, { unavailable, stopped: attempts.stopped });
}
