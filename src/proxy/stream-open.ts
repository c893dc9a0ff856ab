import type { AnalysisRequest } from "../api/types.ts";
import { openStream, type UpstreamStream } from "../upstream/stream-client.ts";
import { isRetryable, MAX_ATTEMPTS } from "../core/attempt-policy.ts";
import type { DispatchOptions } from "./dispatch.ts";
import type { SpotLease } from "./router.ts";

/** A spot's open event stream with the lease that pays for it. */
export interface OpenedStream {
  lease: SpotLease;
  upstream: UpstreamStream;
  startedAt: number;
}

/** Attempt bookkeeping shared by the opening and every resume of one client stream. */
export interface StreamAttempts {
  exclude: Set<string>;
  count: number;
}

/**
 * Opens the request's stream on the next usable spot, retrying on distinct spots within the
 * attempt limit and the retry budget. Undefined when no spot could be opened; a 4xx or a
 * client abort ends the search for a spot at once (and is in `tried`).
 */
export async function openNext(
  req: AnalysisRequest,
  opts: DispatchOptions,
  attempts: StreamAttempts,
  resuming = false,
): Promise<OpenedStream | undefined> {
  while (attempts.count < MAX_ATTEMPTS) {
    const last = opts.tried.at(-1);
    const budgeted = !resuming || last?.outcome !== "stream_cut" && last?.outcome !== "timeout";
    if (attempts.count > 0 && last && !opts.router.mayRetry(last.outcome, budgeted)) {
      return undefined;
    }
    resuming = false; // only the first pick of a resume is exempt
    const lease = opts.router.acquire(attempts.exclude);
    if (!lease) return undefined;
    attempts.exclude.add(lease.id);
    attempts.count++;
    const startedAt = performance.now();
    const upstream = await openStream(lease.url, req, opts);
    if (upstream.outcome.kind === "ok") return { lease, upstream, startedAt };
    lease.finish(upstream.outcome, upstream.latencyMs);
    opts.tried.push({
      spot: lease.id,
      outcome: upstream.outcome.kind,
      ms: Math.round(upstream.latencyMs),
    });
    if (!isRetryable(upstream.outcome.kind)) return undefined;
  }
  return undefined;
}
