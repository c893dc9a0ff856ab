import type { AnalysisRequest } from "../api/types.ts";
import { openStream, type UpstreamStream } from "../upstream/stream-client.ts";
import { isRetryable } from "../core/attempt-policy.ts";
import type { DispatchOptions } from "./dispatch.ts";
import type { Attempts } from "./attempts.ts";
import type { SpotLease } from "./router.ts";

/** A spot's open event stream with the lease that pays for it. */
export interface OpenedStream {
  lease: SpotLease;
  upstream: UpstreamStream;
  startedAt: number;
}

/** What the opening learnt of a spot that refused the request (4xx): its answer text. */
export interface Refusal {
  status: number;
  text?: string;
}

/**
 * Opens the request's stream on the next spot the attempt book hands out, retrying on
 * distinct spots. Undefined when no spot could be opened; a 4xx or a client abort ends the
 * search for a spot at once (and is in `tried`; a 4xx's answer goes to `refused`). A resume
 * after a cut or a stall takes its first spot without a retry token.
 */
export async function openNext(
  req: AnalysisRequest,
  opts: DispatchOptions,
  attempts: Attempts,
  resuming = false,
  refused?: (r: Refusal) => void,
): Promise<OpenedStream | undefined> {
  const last = attempts.tried.at(-1)?.outcome;
  let free = resuming && (last === "stream_cut" || last === "timeout");
  while (true) {
    const lease = attempts.next(free);
    free = false;
    if (!lease) return undefined;
    const startedAt = performance.now();
    const timeoutMs = Math.min(opts.timeoutMs, attempts.remainingMs());
    let upstream: UpstreamStream;
    try {
      upstream = await openStream(lease.url, req, { ...opts, timeoutMs });
    } catch (err) {
      lease[Symbol.dispose]();
      throw err;
    }
    if (upstream.outcome.kind === "ok") return { lease, upstream, startedAt };
    attempts.record(lease, upstream.outcome, upstream.latencyMs);
    if (upstream.outcome.kind === "http_4xx") {
      refused?.({ status: upstream.status!, text: upstream.text });
    }
    if (!isRetryable(upstream.outcome.kind)) return undefined;
  }
}
