import type { Outcome } from "../core/attempt-policy.ts";
import type { ResumeLedger } from "../sse/resume.ts";
import { encodeComment, encodeEvent } from "../sse/format.ts";
import { readChunk } from "../upstream/stream-client.ts";
import type { OpenedStream } from "./stream-open.ts";

/** How one spot's part of a client stream ended. */
export type RelayEnd = { kind: "done"; latencyMs: number } | {
  kind: "failed";
  outcome: Outcome;
  latencyMs: number;
};

/** Where relayed bytes go, and the running figures of the client stream. */
export interface RelaySink {
  write(bytes: Uint8Array): void;
  /** Called for every event forwarded to the client. */
  forwarded(): void;
  cancelled: AbortSignal;
}

/**
 * Relays one spot's events until its `result` (done) or until it fails: the stream ends or
 * breaks without a result, sends an `error` event, or is silent for `idleMs` (after its first
 * event) or past `timeoutMs` (before it). Events the client already has are dropped.
 */
export async function relay(
  cur: OpenedStream,
  ledger: ResumeLedger,
  sink: RelaySink,
  limits: { idleMs: number; timeoutMs: number },
): Promise<RelayEnd> {
  const reader = cur.upstream.reader!;
  let latencyMs = cur.upstream.latencyMs;
  let sawEvent = false;
  const deadline = cur.startedAt + limits.timeoutMs;
  const fail = (kind: Outcome["kind"]): RelayEnd => ({
    kind: "failed",
    outcome: { kind } as Outcome,
    latencyMs,
  });
  while (true) {
    const left = deadline - performance.now();
    const wait = sawEvent ? limits.idleMs : Math.max(1, Math.min(limits.idleMs, left));
    const r = await readChunk(reader, wait);
    if (sink.cancelled.aborted) return fail("aborted");
    if (r.kind === "end" || r.kind === "broken") return fail("stream_cut");
    if (r.kind === "idle") {
      if (!sawEvent && performance.now() < deadline) continue;
      return fail("timeout");
    }
    if (r.chunk.kind === "comment") {
      sink.write(encodeComment("thinking"));
      continue;
    }
    const ev = r.chunk.event;
    if (ev.event === "error") return fail("stream_cut");
    if (!sawEvent) {
      sawEvent = true;
      latencyMs = performance.now() - cur.startedAt;
    }
    if (ledger.accept(ev)) {
      sink.write(encodeEvent(ev));
      sink.forwarded();
    }
    if (ev.event === "result") return { kind: "done", latencyMs };
  }
}
