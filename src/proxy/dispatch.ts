import type { AnalysisRequest } from "../api/types.ts";
import { GatewayError } from "../errors/gateway-error.ts";
import { postAnalyze } from "../upstream/client.ts";
import { isRetryable, MAX_ATTEMPTS } from "../core/attempt-policy.ts";
import { exhausted } from "./failure.ts";
import type { Router, TriedSpot } from "./router.ts";

/** What a JSON dispatch needs besides the request. */
export interface DispatchOptions {
  router: Router;
  timeoutMs: number;
  signal: AbortSignal;
  headers: Record<string, string>;
  /** Filled in as attempts happen, for the request's log line. */
  tried: TriedSpot[];
}

/** A relayed answer: the status and body of the spot that answered. */
export interface DispatchResult {
  spot: string;
  attempts: number;
  status: number;
  /** The spot's JSON answer, verified, as text. */
  text: string;
}

/**
 * `POST /analyze` through the pool: pick → attempt → record → retry on a distinct spot
 * (Caddy's proxy loop). A 4xx from a spot is relayed, never retried.
 */
export async function dispatchJson(
  req: AnalysisRequest,
  opts: DispatchOptions,
): Promise<DispatchResult> {
  const { router, tried } = opts;
  const exclude = new Set<string>();
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    if (attempt > 1 && !router.mayRetry(tried.at(-1)!.outcome)) break;
    const lease = router.acquire(exclude);
    if (!lease) break;
    exclude.add(lease.id);
    const res = await postAnalyze(lease.url, req, opts);
    lease.finish(res.outcome, res.latencyMs);
    tried.push({ spot: lease.id, outcome: res.outcome.kind, ms: Math.round(res.latencyMs) });
    if (res.outcome.kind === "aborted") {
      throw new GatewayError("invalid_request", "Client closed the request");
    }
    if (res.outcome.kind === "http_4xx" && typeof res.body !== "object") {
      throw new GatewayError("invalid_request", `The spot refused the request (${res.status})`);
    }
    if (!isRetryable(res.outcome.kind)) {
      return { spot: lease.id, attempts: attempt, status: res.status!, text: res.text! };
    }
  }
  throw exhausted(tried);
}
