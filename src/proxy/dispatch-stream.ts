import type { AnalysisRequest } from "../api/types.ts";
import { GatewayError } from "../errors/gateway-error.ts";
import { encodeComment, encodeEvent, encodeRetry, joinBlocks } from "../sse/format.ts";
import { Attempts } from "./attempts.ts";
import { exhausted } from "./failure.ts";
import { openNext, type Refusal } from "./stream-open.ts";
import { StreamSession } from "./stream-session.ts";
import { ClientSink } from "./client-sink.ts";
import type { OpenedClientStream, StreamOptions, StreamStats } from "./stream-types.ts";

/** Default reconnection delay told to clients (`retry:`): long enough not to hammer. */
export const RETRY_MS = 3_000;

/**
 * `GET /analyze/stream` through the pool. Opens a spot (retrying before any byte reaches the
 * client; throws the JSON error when none opens), then hands the client a body that a
 * StreamSession fills across spots. The client leaving (request signal or body cancel) ends
 * everything at once: the upstream is closed, its lease settled, the attempt book closed.
 */
export async function dispatchStream(
  req: AnalysisRequest,
  opts: StreamOptions,
): Promise<OpenedClientStream> {
  const started = performance.now();
  const attempts = new Attempts(opts.router, opts.tried, Infinity);
  let refusal: Refusal | undefined;
  const first = await openNext(req, opts, attempts, false, (r) => refusal = r).catch((err) => {
    attempts[Symbol.dispose]();
    throw err;
  });
  if (!first) {
    attempts[Symbol.dispose]();
    const why = { unavailable: opts.router.unavailable(new Set()), stopped: attempts.stopped };
    throw exhausted(opts.tried, { ...why, refusal });
  }
  const stats: StreamStats = { events: 0, resumes: 0, completed: false, lastSpot: first.lease.id };
  const sink = new ClientSink(opts.keepAliveMs, stats, started);
  const session = new StreamSession(req, opts, attempts, first, sink, stats);
  sink.cancelled.addEventListener("abort", () => session.closeUpstream(), { once: true });
  const onClientGone = () => sink.cancel();
  opts.signal.addEventListener("abort", onClientGone, { once: true });
  const done: Promise<StreamStats> = (async () => {
    // One write, not two: each write is a chunk of the response body and a socket write.
    sink.write(joinBlocks([encodeRetry(opts.retryMs ?? RETRY_MS), encodeComment("spotgate")]));
    try {
      await session.run();
    } catch (err) {
      opts.log?.error("stream failed unexpectedly", {
        error: String(err),
        stack: (err as Error)?.stack,
      });
      const e = new GatewayError("internal_error", "The stream failed in the gateway");
      sink.write(encodeEvent({ event: "error", data: JSON.stringify({ error: e.toBody() }) }));
    } finally {
      opts.signal.removeEventListener("abort", onClientGone);
      sink.close();
    }
    return stats;
  })();
  const terminate = (error: object) => {
    sink.write(encodeEvent({ event: "error", data: JSON.stringify({ error }) }));
    sink.cancel();
    sink.close();
  };
  return { spot: first.lease.id, attempts, body: sink.body, stats, done, terminate };
}
