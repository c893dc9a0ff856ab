/** A subscriber's callback: the next report, its sequence number, and whether it is the last. */
export type StatusListener = (report: unknown, seq: number, last: boolean) => void;

/** What the feed builds its reports from, and how often. */
export interface StatusFeedOptions {
  /** Builds one report (the `/healthz` data). */
  build: () => Promise<unknown>;
  /** Whether this report ends the feed (the gateway is draining): sent, then subscribers end. */
  final: (report: unknown) => boolean;
  /** Milliseconds between two reports (default 1000: the console asks for ≤ 2 s). */
  intervalMs?: number;
  /** Told when a report could not be built (that tick is skipped; the next one tries again). */
  onError?: (error: unknown) => void;
}

/**
 * One report per interval for every subscriber of the status stream, however many there are
 * (one `/healthz` build, one Redis ping, not one per browser). Its timer runs only while
 * someone listens; a subscriber gets the latest report at once.
 */
export class StatusFeed {
  #listeners = new Set<StatusListener>();
  #timer: ReturnType<typeof setInterval> | undefined;
  #seq = 0;
  #latest: { report: unknown; seq: number } | undefined;
  #building = false;

  constructor(private readonly opts: StatusFeedOptions) {}

  /** Adds a listener; the returned function removes it (and stops the timer after the last). */
  subscribe(listener: StatusListener): () => void {
    this.#listeners.add(listener);
    if (this.#latest) listener(this.#latest.report, this.#latest.seq, false);
    else void this.tick();
    this.#timer ??= setInterval(() => void this.tick(), this.opts.intervalMs ?? 1000);
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size > 0) return;
      clearInterval(this.#timer);
      this.#timer = undefined;
      this.#latest = undefined;
    };
  }

  /** Subscribers now listening. */
  get size(): number {
    return this.#listeners.size;
  }

  /** Builds one report and hands it to every listener; skipped while one is being built. */
  async tick(): Promise<void> {
    if (this.#building) return;
    this.#building = true;
    try {
      const report = await this.opts.build();
      const seq = ++this.#seq;
      const last = this.opts.final(report);
      this.#latest = last ? undefined : { report, seq };
      for (const listener of [...this.#listeners]) listener(report, seq, last);
    } catch (error) {
      this.opts.onError?.(error);
    } finally {
      this.#building = false;
    }
  }
}
