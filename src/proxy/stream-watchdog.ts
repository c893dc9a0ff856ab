/** The deadlines of one relayed spot stream: to its first event, then between bytes. */
export interface WatchdogLimits {
  /** From the watchdog's start to the first event. */
  firstEventMs: number;
  /** After the first event, the longest silence (no byte, not even a comment). */
  idleMs: number;
}

/**
 * One timer per relayed stream instead of one per read: reads only stamp the time
 * (`touch`), and the timer, when it fires, re-arms itself for whatever is left of the
 * deadline in force, or calls `onFire` once it has passed. `onFire` is expected to close the
 * upstream, which settles the one pending read; the relay then sees `fired`. Dispose it
 * when the relay ends.
 */
export class StreamWatchdog implements Disposable {
  fired = false;
  readonly #startedAt: number;
  #lastByteAt: number;
  #sawEvent = false;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly limits: WatchdogLimits,
    private readonly onFire: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.#startedAt = now();
    this.#lastByteAt = this.#startedAt;
    this.#arm(limits.firstEventMs);
  }

  /** A byte (event or comment) arrived. */
  touch(): void {
    this.#lastByteAt = this.now();
  }

  /** The first event arrived: from now on the idle deadline is in force. */
  sawEvent(): void {
    if (this.#sawEvent) return;
    this.#sawEvent = true;
    this.#lastByteAt = this.now();
    // The idle deadline may come before the first-event one the timer was armed for.
    clearTimeout(this.#timer);
    this.#arm(this.limits.idleMs);
  }

  /** Whether the stream has been silent (not a byte) for the idle period or longer. */
  silent(): boolean {
    return this.now() - this.#lastByteAt >= this.limits.idleMs;
  }

  /** When the deadline in force passes (same clock as `now`). */
  dueAt(): number {
    return this.#sawEvent
      ? this.#lastByteAt + this.limits.idleMs
      : this.#startedAt + this.limits.firstEventMs;
  }

  /** Stops the timer. */
  [Symbol.dispose](): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #arm(ms: number): void {
    this.#timer = setTimeout(() => this.#check(), Math.max(1, ms));
  }

  #check(): void {
    if (this.#timer === undefined) return; // disposed
    const left = this.dueAt() - this.now();
    if (left > 0) return this.#arm(left);
    this.fired = true;
    this.#timer = undefined;
    this.onFire();
  }
}
