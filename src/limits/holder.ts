import type { ConcurrencyLimiter } from "./limiter.ts";

/** Options: renew period (default TTL/3) and what to do when the lease is found lost. */
export interface HolderOptions {
  everyMs?: number;
  onLost?: () => void;
}

/**
 * Keeps one lease alive while it is held: renews every TTL/3, so a lease of a crashed replica
 * frees within the TTL. A failed renew (Redis away) is retried at the next tick; a lost lease
 * stops the holder and calls `onLost`. The timer is the only I/O: `start()` and `stop()`.
 */
export class LeaseHolder {
  #timer: ReturnType<typeof setInterval> | undefined;
  #busy = false;
  readonly #everyMs: number;

  constructor(
    readonly limiter: ConcurrencyLimiter,
    readonly leaseId: string,
    readonly options: HolderOptions = {},
  ) {
    this.#everyMs = options.everyMs ?? Math.max(10, Math.floor(limiter.ttlMs / 3));
  }

  /** Whether the renew timer runs. */
  get running(): boolean {
    return this.#timer !== undefined;
  }

  /** Starts renewing (idempotent). */
  start(): void {
    this.#timer ??= setInterval(() => void this.tick(), this.#everyMs);
  }

  /** Stops renewing (idempotent); does not release the lease. */
  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** One renewal (what the timer runs); skipped while the previous one is still out. */
  async tick(): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    try {
      const r = await this.limiter.renew(this.leaseId);
      if (r.kind === "lost" && this.running) (this.stop(), this.options.onLost?.());
    } finally {
      this.#busy = false;
    }
  }
}
