import { encodeEvent } from "../sse/format.ts";
import { ClientSink } from "./client-sink.ts";
import type { HubEnd, HubMember } from "./coalesce-hub.ts";
import type { StreamStats } from "./stream-types.ts";

const COLON = 0x3a; // ":" starts a comment
const R = 0x72; // "retry:" (events start with event:, id: or data:)

/**
 * One client stream fed by a StreamHub: its own body, keep-alive and departure (a ClientSink),
 * its own figures for the log line. It leaves when its request is aborted or its body is
 * cancelled; `done` settles then, or when the shared search ends.
 */
export class HubClient implements HubMember {
  readonly stats: StreamStats = { events: 0, resumes: 0, completed: false, lastSpot: "" };
  readonly sink: ClientSink;
  readonly done: Promise<StreamStats>;
  #settle!: (s: StreamStats) => void;

  constructor(
    keepAliveMs: number,
    private readonly signal: AbortSignal,
    /** Whether this client started the search: it carries the search's resumes and spots. */
    private readonly first: boolean,
  ) {
    this.sink = new ClientSink(keepAliveMs, this.stats, performance.now());
    this.done = new Promise((resolve) => this.#settle = resolve);
    if (signal.aborted) this.sink.cancel();
    signal.addEventListener("abort", this.#gone, { once: true });
    this.sink.cancelled.addEventListener("abort", () => this.#over(), { once: true });
  }

  /** The client's departure. */
  get left(): AbortSignal {
    return this.sink.cancelled;
  }

  write(chunk: Uint8Array): void {
    this.sink.write(chunk);
    if (chunk[0] !== COLON && chunk[0] !== R) this.sink.forwarded();
  }

  end(end: HubEnd): void {
    const stats = end.opened?.stats;
    this.stats.completed = end.completed;
    if (stats) this.stats.lastSpot = stats.lastSpot;
    if (stats && this.first) this.stats.resumes = stats.resumes;
    this.sink.close();
    this.#over();
  }

  /** Ends this client's stream now with an `error` event (the shutdown drain). */
  terminate(error: object): void {
    this.sink.write(encodeEvent({ event: "error", data: JSON.stringify({ error }) }));
    this.sink.cancel();
  }

  readonly #gone = () => this.sink.cancel();

  #over(): void {
    this.signal.removeEventListener("abort", this.#gone);
    this.#settle(this.stats);
  }
}
