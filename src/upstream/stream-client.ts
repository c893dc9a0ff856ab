import type { Outcome } from "../core/attempt-policy.ts";
import type { AnalysisRequest } from "../api/types.ts";
import { classifyFetchError, classifyStatus } from "./fetch-outcome.ts";
import type { AttemptOptions } from "./client.ts";
import { deadline } from "./deadline.ts";
import { streamClient } from "./stream-pool.ts";
import { type ChunkReader, chunkReader } from "./byte-reader.ts";

/** An opened upstream event stream, or why it could not be opened. */
export interface UpstreamStream {
  outcome: Outcome;
  latencyMs: number;
  status?: number;
  /**
   * The spot's event stream as bytes (the relay scans them; see sse/block-scanner.ts); each
   * chunk is valid until the next read.
   */
  reader?: ChunkReader;
  /** A refused open's answer (the spot's error JSON), for the client's error message. */
  text?: string;
  /**
   * Ends the upstream request for good: aborts the fetch and cancels the body, so the
   * connection is closed (the spot sees the disconnect and stops its engine) and a pending
   * read settles at once. Idempotent.
   */
  close: () => void;
  /**
   * The search is over (its `result` came): reads the body to its end so that the connection
   * goes back to the keep-alive pool, instead of closing it and dialling again for the next
   * stream; closes it if the end does not come within END_WAIT_MS.
   */
  release: () => void;
}

/** How long a finished stream's body may take to end before its connection is closed. */
export const END_WAIT_MS = 1_000;

function drain(reader: ChunkReader, close: () => void): void {
  const timer = setTimeout(close, END_WAIT_MS);
  const next = (): Promise<void> =>
    reader.read().then((r) => r.done ? undefined : next(), () => undefined);
  next().finally(() => clearTimeout(timer));
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
  let reader: ChunkReader | undefined;
  const close = () => {
    attempt.abort();
    reader?.cancel().catch(() => {});
    reader = undefined;
  };
  const release = () => {
    if (reader) drain(reader, close);
  };
  // Built by hand: URLSearchParams costs a native call per stream on the time-to-first-event.
  const q = `fen=${encodeURIComponent(req.fen)}&depth=${req.depth}&multipv=${req.multipv}`;
  try {
    const res = await fetch(`${baseUrl}/analyze/stream?${q}`, {
      headers: { ...opts.headers, accept: "text/event-stream" },
      signal: attempt.signal,
      client: streamClient(),
    });
    const latencyMs = performance.now() - started;
    const type = res.headers.get("content-type") ?? "";
    if (res.status !== 200 || !type.startsWith("text/event-stream") || !res.body) {
      const text = res.status === 200 ? await res.body?.cancel() : await res.text();
      const outcome = res.status === 200
        ? { kind: "invalid" as const }
        : classifyStatus(res.status, res.headers.get("retry-after"), text ?? undefined);
      return { outcome, latencyMs, status: res.status, text: text ?? undefined, close, release };
    }
    reader = chunkReader(res.body);
    return { outcome: { kind: "ok" }, latencyMs, status: 200, reader, close, release };
  } catch (err) {
    const latencyMs = performance.now() - started;
    const reason = attempt.signal.reason ?? err;
    return { outcome: classifyFetchError(reason, opts.signal), latencyMs, close, release };
  } finally {
    attempt.clear();
  }
}
