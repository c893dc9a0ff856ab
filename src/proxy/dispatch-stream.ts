import type { AnalysisRequest } from "../api/types.ts";
import { ResumeLedger } from "../sse/resume.ts";
import { encodeComment, encodeEvent } from "../sse/format.ts";
import { exhausted } from "./failure.ts";
import { type OpenedStream, openNext, type StreamAttempts } from "./stream-open.ts";
import { relay, type RelaySink } from "./stream-relay.ts";
import type { OpenedClientStream, StreamOptions, StreamStats } from "./stream-types.ts";

/**
 * `GET /analyze/stream` through the pool. Opens a spot (retrying before any byte reaches the
 * client; throws the JSON error when none opens), then relays its events; when that spot fails
 * mid-way, re-runs the search on another spot and forwards only what the client lacks.
 */
export async function dispatchStream(
  req: AnalysisRequest,
  opts: StreamOptions,
): Promise<OpenedClientStream> {
  const started = performance.now();
  const attempts: StreamAttempts = { exclude: new Set(), count: 0 };
  const first = await openNext(req, opts, attempts);
  if (!first) throw exhausted(opts.tried);
  const stats: StreamStats = { events: 0, resumes: 0, completed: false, lastSpot: first.lease.id };
  const cancelled = new AbortController();
  let current: OpenedStream | undefined = first;
  let finished: (s: StreamStats) => void = () => {};
  const done = new Promise<StreamStats>((r) => finished = r);
  let terminate = (_error: object) => {};
  const body = new ReadableStream<Uint8Array>({
    start(ctl) {
      let lastWrite = performance.now();
      const sink: RelaySink = {
        cancelled: cancelled.signal,
        write(bytes) {
          if (cancelled.signal.aborted) return;
          lastWrite = performance.now();
          ctl.enqueue(bytes);
        },
        forwarded() {
          stats.events++;
          stats.firstEventMs ??= performance.now() - started;
        },
      };
      // The gateway's own keep-alive covers the gaps no spot fills (e.g. while failing over).
      const keepAlive = setInterval(() => {
        if (performance.now() - lastWrite >= opts.keepAliveMs) {
          sink.write(encodeComment("keep-alive"));
        }
      }, Math.max(20, opts.keepAliveMs / 3));
      sink.write(encodeComment("spotgate"));
      terminate = (error) => {
        sink.write(encodeEvent({ event: "error", data: JSON.stringify({ error }) }));
        cancelled.abort();
        current?.upstream.close();
        ctl.close();
      };
      const run = async () => {
        const ledger = new ResumeLedger();
        while (current) {
          const end = await relay(current, ledger, sink, opts);
          current.upstream.close();
          const outcome = end.kind === "done" ? { kind: "ok" as const } : end.outcome;
          current.lease.finish(outcome, end.latencyMs);
          const ms = Math.round(end.latencyMs);
          opts.tried.push({ spot: current.lease.id, outcome: outcome.kind, ms });
          if (end.kind === "done") {
            stats.completed = true;
            break;
          }
          if (outcome.kind === "aborted") break;
          current = await openNext(req, opts, attempts, true);
          if (current && cancelled.signal.aborted) {
            current.upstream.close();
            current.lease.finish({ kind: "aborted" }, 0);
            break;
          } else if (current) {
            stats.resumes++;
            stats.lastSpot = current.lease.id;
            sink.write(encodeComment(`resumed on ${current.lease.id}`));
          } else {
            const data = JSON.stringify({ error: exhausted(opts.tried).toBody() });
            sink.write(encodeEvent({ event: "error", data }));
          }
        }
      };
      run().finally(() => {
        clearInterval(keepAlive);
        if (!cancelled.signal.aborted) ctl.close();
        finished(stats);
      });
    },
    cancel() {
      cancelled.abort();
      current?.upstream.close();
    },
  });
  return { spot: first.lease.id, attempts, body, stats, done, terminate: (e) => terminate(e) };
}
