import type { OpenedClientStream } from "./stream-types.ts";
import type { HubEnd, HubMember } from "./coalesce-member.ts";

export type { HubEnd, HubMember } from "./coalesce-member.ts";

/**
 * One upstream search feeding many clients (coalescing): ONE client stream of the dispatcher
 * (`open`, mid-stream failover included) whose bytes fan out. A late member first gets every
 * byte so far, then the live ones: exactly the stream a lone client would read. The search
 * stops only when the last member has left; a member joining after the end gets it all.
 */
export class StreamHub {
  readonly opened: Promise<OpenedClientStream>;
  readonly ended: Promise<HubEnd>;
  readonly #log: Uint8Array[] = [];
  readonly #members = new Set<HubMember>();
  /** The members that joined a search another request started, while they wait. */
  readonly #joined = new Set<HubMember>();
  readonly #abort = new AbortController();
  #body?: ReadableStreamDefaultReader<Uint8Array>;
  #end?: HubEnd;

  constructor(open: (signal: AbortSignal) => Promise<OpenedClientStream>, first: HubMember) {
    this.#add(first);
    this.opened = open(this.#abort.signal);
    this.ended = this.#run();
  }

  /** Members now joined that did not start the search. */
  get joiners(): number {
    return this.#joined.size;
  }

  /** Whether every member left before the end (the search was stopped: no one may join). */
  get abandoned(): boolean {
    return this.#abort.signal.aborted;
  }

  /** Adds a member to a search already started: the bytes so far, then the live ones. */
  join(m: HubMember): void {
    for (const chunk of this.#log) m.write?.(chunk);
    if (this.#end) return m.end(this.#end);
    this.#joined.add(m);
    this.#add(m);
  }

  #add(m: HubMember): void {
    this.#members.add(m);
    if (m.left.aborted) return this.#leave(m);
    m.left.addEventListener("abort", () => this.#leave(m), { once: true });
  }

  #leave(m: HubMember): void {
    this.#joined.delete(m);
    if (!this.#members.delete(m) || this.#members.size > 0 || this.#end) return;
    // The last member left: stop the search (the dispatcher closes the spot's stream).
    this.#abort.abort();
    void this.#body?.cancel().catch(() => {});
  }

  async #run(): Promise<HubEnd> {
    const opened = await this.opened.catch(() => undefined);
    // Everyone left while the spot was being opened: close it at once.
    if (opened && this.#members.size === 0) await opened.body.cancel().catch(() => {});
    if (opened && this.#members.size > 0) await this.#pump(opened);
    const stats = await opened?.done;
    const end: HubEnd = { opened, completed: stats?.completed ?? false, log: this.#log };
    this.#end = end;
    const members = [...this.#members];
    this.#members.clear();
    this.#joined.clear();
    for (const m of members) m.end(end);
    return end;
  }

  async #pump(opened: OpenedClientStream): Promise<void> {
    this.#body = opened.body.getReader();
    try {
      while (true) {
        const r = await this.#body.read();
        if (r.done) return;
        this.#log.push(r.value);
        for (const m of this.#members) m.write?.(r.value);
      }
    } catch { /* cancelled: every member left */ }
  }
}
