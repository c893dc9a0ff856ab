import type { AnalysisRequest } from "../api/types.ts";
import { encodeComment, encodeEvent } from "../sse/format.ts";
import { ResumeLedger } from "../sse/resume.ts";
import type { Attempts } from "./attempts.ts";
import { exhausted } from "./failure.ts";
import { type OpenedStream, openNext, type Refusal } from "./stream-open.ts";
import { relay, type RelaySink } from "./stream-relay.ts";
import type { StreamOptions, StreamStats } from "./stream-types.ts";

/**
 * One client stream across spots, as a small state machine: relaying the current spot →
 * (it failed) resuming on another → … → done. The client gets each event once: the ledger
 * drops what it already has. The spot lease in hand is settled on every exit path.
 */
export class StreamSession {
  readonly ledger: ResumeLedger = new ResumeLedger();
  #current?: OpenedStream;
  #refusal?: Refusal;

  constructor(
    private readonly req: AnalysisRequest,
    private readonly opts: StreamOptions,
    private readonly attempts: Attempts,
    first: OpenedStream,
    private readonly sink: RelaySink,
    private readonly stats: StreamStats,
  ) {
    this.#current = first;
    if (opts.resumeAfter) this.ledger.seed(opts.resumeAfter, req.multipv);
  }

  /** Closes the upstream in hand now (the client left, or the gateway is shutting down). */
  closeUpstream(): void {
    this.#current?.upstream.close();
  }

  /** Relays until the search is done, the client leaves, or no spot is left to resume on. */
  async run(): Promise<void> {
    try {
      while (this.#current) {
        if (await this.#relayCurrent() === "over") return;
        this.#current = await this.#resume();
      }
    } finally {
      this.#current?.upstream.close();
      this.#current?.lease[Symbol.dispose]();
      this.attempts[Symbol.dispose]();
    }
  }

  async #relayCurrent(): Promise<"over" | "resume"> {
    const cur = this.#current!;
    const end = await relay(cur, this.ledger, this.sink, this.opts);
    if (end.kind === "done") cur.upstream.release();
    else cur.upstream.close();
    const outcome = end.kind === "done" ? { kind: "ok" as const } : end.outcome;
    this.attempts.record(cur.lease, outcome, end.latencyMs);
    this.#current = undefined;
    if (end.kind === "done") this.stats.completed = true;
    return end.kind === "done" || outcome.kind === "aborted" ? "over" : "resume";
  }

  async #resume(): Promise<OpenedStream | undefined> {
    const next = await openNext(this.req, this.opts, this.attempts, true, (r) => {
      this.#refusal = r;
    });
    if (next && this.sink.cancelled.aborted) {
      next.upstream.close();
      next.lease.finish({ kind: "aborted" }, 0);
      return undefined;
    }
    if (next) {
      this.stats.resumes++;
      this.stats.lastSpot = next.lease.id;
      this.sink.write(encodeComment(`resumed on ${next.lease.id}`));
      return next;
    }
    if (this.sink.cancelled.aborted) return undefined;
    const why = {
      unavailable: this.opts.router.unavailable(new Set()),
      stopped: this.attempts.stopped,
      refusal: this.#refusal,
    };
    const data = JSON.stringify({ error: exhausted(this.attempts.tried, why).toBody() });
    this.sink.write(encodeEvent({ event: "error", data }));
    return undefined;
  }
}
