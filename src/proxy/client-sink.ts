import { encodeComment } from "../sse/format.ts";
import type { RelaySink } from "./stream-relay.ts";
import type { StreamStats } from "./stream-types.ts";
import { onTick } from "./ticker.ts";

/**
 * The client's side of a stream: the body bytes go into, the gateway's own keep-alive (a
 * comment when nothing was written for `keepAliveMs`, e.g. while failing over), and the
 * client's departure (`cancelled`, from the body's cancel or `cancel()`). Writes after the
 * client left, or after `close()`, are dropped.
 */
export class ClientSink implements RelaySink {
  readonly body: ReadableStream<Uint8Array>;
  readonly #abort = new AbortController();
  readonly cancelled: AbortSignal = this.#abort.signal;
  #ctl?: ReadableStreamDefaultController<Uint8Array>;
  #closed = false;
  #lastWrite = performance.now();
  readonly #keepAlive: Disposable;

  constructor(
    private readonly keepAliveMs: number,
    private readonly stats: StreamStats,
    private readonly startedAt: number,
  ) {
    this.body = new ReadableStream<Uint8Array>({
      start: (ctl) => {
        this.#ctl = ctl;
      },
      cancel: () => this.cancel(),
    });
    this.#keepAlive = onTick((now) => {
      if (now - this.#lastWrite >= this.keepAliveMs) this.write(encodeComment("keep-alive"));
    });
  }

  /** Sends bytes to the client (dropped once it left or the stream closed). */
  write(bytes: Uint8Array): void {
    if (this.#closed || this.cancelled.aborted) return;
    this.#lastWrite = performance.now();
    this.#ctl!.enqueue(bytes);
  }

  /** Counts an event forwarded to the client. */
  forwarded(): void {
    this.stats.events++;
    this.stats.firstEventMs ??= performance.now() - this.startedAt;
  }

  /** The client left (or the stream is given up): everything upstream must end now. */
  cancel(): void {
    this.#abort.abort();
    this.close();
  }

  /** Ends the client's body (once) and leaves the keep-alive ticker. */
  close(): void {
    this.#keepAlive[Symbol.dispose]();
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#ctl!.close();
    } catch { /* the client cancelled the body: nothing left to close */ }
  }
}
