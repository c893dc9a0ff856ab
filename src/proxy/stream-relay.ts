import type { Outcome } from "../core/attempt-policy.ts";
import type { ResumeLedger } from "../sse/resume.ts";
import { SseBlockScanner } from "../sse/block-scanner.ts";
import type { OpenedStream } from "./stream-open.ts";
import { StreamWatchdog } from "./stream-watchdog.ts";
import { type BlockVerdict, judgeBlock } from "./block-verdict.ts";

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

type Read = ReadableStreamReadResult<Uint8Array> | { done: true; broken: true };

/**
 * Relays one spot's stream as bytes until its `result` (done) or until it fails: the stream
 * ends or breaks without a result, sends an `error` event, or is silent for `idleMs` (after its
 * first event) or has no event by `timeoutMs` (`slow` while its heartbeats come, else
 * `timeout`). The spot's bytes go out as they came (comments included), in as few writes as a
 * chunk allows; events the client already has are cut out. One read is pending at a time; the
 * watchdog and a departing client settle it by closing the upstream.
 */
export async function relay(
  cur: OpenedStream,
  ledger: ResumeLedger,
  sink: RelaySink,
  limits: { idleMs: number; timeoutMs: number },
): Promise<RelayEnd> {
  const reader = cur.upstream.reader!;
  const scanner = new SseBlockScanner();
  let latencyMs = cur.upstream.latencyMs;
  let sawEvent = false;
  const fail = (kind: Outcome["kind"]): RelayEnd => ({
    kind: "failed",
    outcome: { kind } as Outcome,
    latencyMs,
  });
  const firstEventMs = cur.startedAt + limits.timeoutMs - performance.now();
  using watchdog = new StreamWatchdog(
    { firstEventMs, idleMs: limits.idleMs },
    () => cur.upstream.close(),
  );
  const onCancel = () => cur.upstream.close();
  sink.cancelled.addEventListener("abort", onCancel, { once: true });
  try {
    while (true) {
      let r: Read;
      try {
        r = await reader.read();
      } catch {
        r = { done: true, broken: true };
      }
      if (sink.cancelled.aborted) return fail("aborted");
      // Past the first-event deadline with heartbeats still coming: queued behind deep searches,
      // which is no verdict on the spot; silence is (a stalled spot).
      if (watchdog.fired) return fail(sawEvent || watchdog.silent() ? "timeout" : "slow");
      if (r.done) return fail("stream_cut");
      watchdog.touch();
      scanner.feed(r.value);
      let run = 0; // start of the bytes not yet written
      let complete = 0; // end of the last complete block in this buffer
      let verdict: BlockVerdict = "none";
      while (scanner.next()) {
        complete = scanner.end;
        verdict = judgeBlock(scanner, ledger);
        if (verdict === "none") continue;
        if (!sawEvent) {
          sawEvent = true;
          latencyMs = performance.now() - cur.startedAt;
          watchdog.sawEvent();
        }
        if (verdict === "drop" || verdict === "error") {
          if (scanner.start > run) sink.write(scanner.buffer.slice(run, scanner.start));
          run = scanner.end;
        } else sink.forwarded();
        if (verdict === "error" || verdict === "result") break;
      }
      // Copies: the chunk's memory is read into again (upstream/byte-reader.ts).
      if (complete > run) sink.write(scanner.buffer.slice(run, complete));
      scanner.keepPending();
      if (verdict === "error") return fail("stream_cut");
      if (verdict === "result") return { kind: "done", latencyMs };
    }
  } finally {
    sink.cancelled.removeEventListener("abort", onCancel);
  }
}
