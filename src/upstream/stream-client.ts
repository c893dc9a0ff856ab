import type { Outcome } from "../core/attempt-policy.ts";
import type { AnalysisRequest } from "../api/types.ts";
import { parseSse, type SseChunk } from "../sse/parse.ts";
import { classifyFetchError, classifyStatus } from "./fetch-outcome.ts";
import type { AttemptOptions } from "./client.ts";
import { deadline } from "./deadline.ts";

/** An opened upstream event stream, or why it could not be opened. */
export interface UpstreamStream {
  outcome: Outcome;
  latencyMs: number;
  status?: number;
  reader?: ReadableStreamDefaultReader<SseChunk>;
  /** Aborts the upstream request (the spot sees the disconnect and stops its engine). */
  close: () => void;
}

/** Opens `GET /analyze/stream` on a spot; the response headers must come within `timeoutMs`. */
export async function openStream(
  baseUrl: string,
  req: AnalysisRequest,
  opts: AttemptOptions,
): Promise<UpstreamStream> {
  const started = performance.now();
  // Until the headers come: the client or the deadline abort it; afterwards only `close()`.
  const attempt = deadline(opts.signal, opts.timeoutMs);
  const close = attempt.abort;
  // Built by hand: URLSearchParams costs a native call per stream on the time-to-first-event.
  const q = `fen=${encodeURIComponent(req.fen)}&depth=${req.depth}&multipv=${req.multipv}`;
  try {
    const res = await fetch(`${baseUrl}/analyze/stream?${q}`, {
      headers: { ...opts.headers, accept: "text/event-stream" },
      signal: attempt.signal,
    });
    const latencyMs = performance.now() - started;
    const type = res.headers.get("content-type") ?? "";
    if (res.status !== 200 || !type.startsWith("text/event-stream") || !res.body) {
      await res.body?.cancel();
      const outcome = res.status === 200
        ? { kind: "invalid" as const }
        : classifyStatus(res.status);
      return { outcome, latencyMs, status: res.status, close };
    }
    return {
      outcome: { kind: "ok" },
      latencyMs,
      status: 200,
      reader: parseSse(res.body).getReader(),
      close,
    };
  } catch (err) {
    const latencyMs = performance.now() - started;
    const reason = attempt.signal.reason ?? err;
    return { outcome: classifyFetchError(reason, opts.signal), latencyMs, close };
  } finally {
    attempt.clear();
  }
}

/** One read with a deadline: a chunk, the end, an idle timeout, or a broken connection. */
export type ReadResult =
  | { kind: "chunk"; chunk: SseChunk }
  | { kind: "end" }
  | { kind: "idle" }
  | { kind: "broken" };

/** Reads the next chunk, giving up after `idleMs` without one. */
export async function readChunk(
  reader: ReadableStreamDefaultReader<SseChunk>,
  idleMs: number,
): Promise<ReadResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const idle = new Promise<ReadResult>((r) =>
    timer = setTimeout(() => r({ kind: "idle" }), idleMs)
  );
  const read = reader.read().then(
    (r): ReadResult => (r.done ? { kind: "end" } : { kind: "chunk", chunk: r.value }),
    (): ReadResult => ({ kind: "broken" }),
  );
  try {
    return await Promise.race([read, idle]);
  } finally {
    clearTimeout(timer);
  }
}
