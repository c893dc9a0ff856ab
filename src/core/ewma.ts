/** Latency charged for a failed attempt, so fast failures never look like a fast spot. */
export const FAILURE_PENALTY_MS = 5_000;

/**
 * Peak-EWMA latency (Linkerd's balancer): a sample above the estimate replaces it at once
 * (peak-sensitive), lower samples decay in with time constant `tauMs` (default 10 s). An
 * unmeasured spot costs 0, so a new spot is tried at once and measured instead of starved.
 */
export class PeakEwma {
  #value: number;
  #at = -Infinity;
  constructor(private readonly tauMs = 10_000, initialMs = 0) {
    this.#value = initialMs;
  }

  /** Feeds one round-trip sample (ms) taken at `now`. */
  observe(rttMs: number, now: number): void {
    if (rttMs > this.#value) this.#value = rttMs;
    else {
      const w = Math.exp(-Math.max(0, now - this.#at) / this.tauMs);
      this.#value = this.#value * w + rttMs * (1 - w);
    }
    this.#at = now;
  }

  /** Feeds a failure as the penalty latency (not compounding: a spot must be able to recover). */
  observeFailure(now: number): void {
    this.observe(FAILURE_PENALTY_MS, now);
  }

  /** Forgets the estimate (a spot back from down starts fresh; slow start ramps its share). */
  reset(): void {
    this.#value = 0;
    this.#at = -Infinity;
  }

  /** The current estimate (ms). */
  get value(): number {
    return this.#value;
  }

  /** The load-weighted cost of sending one more request: estimate × (in-flight + 1). */
  cost(inFlight: number): number {
    return this.#value * (inFlight + 1);
  }
}
