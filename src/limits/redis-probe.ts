/** How often the limiter pings Redis on its own (ms), so that state follows without traffic. */
export const REDIS_PROBE_MS = 1000;

/**
 * Runs `probe` every `everyMs` (default REDIS_PROBE_MS) until stopped, one at a time: what lets
 * an outage, and the return of Redis with its write-back, be noticed and reported while no
 * request comes. The timer does not keep the process alive.
 */
export class RedisProbe {
  #timer: ReturnType<typeof setInterval> | undefined;
  #busy = false;

  constructor(
    readonly probe: () => Promise<unknown>,
    readonly everyMs: number = REDIS_PROBE_MS,
  ) {}

  /** Starts probing (idempotent). */
  start(): void {
    if (this.#timer !== undefined) return;
    this.#timer = setInterval(() => void this.tick(), this.everyMs);
    Deno.unrefTimer(this.#timer);
  }

  /** Stops probing (idempotent). */
  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** One probe (what the timer runs); skipped while the previous one is still out. */
  async tick(): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    try {
      await this.probe();
    } finally {
      this.#busy = false;
    }
  }
}
