/** Latency charged for a failed attempt, so fast failures never look like a fast spot. */
export const FAILURE_PENALTY_MS = 5_000;

/**
 * The latency an unmeasured (or reset) spot is assumed to have, as Envoy's and tower's
 * peak-EWMA `default_rtt`: with 0, an unmeasured spot would cost 0 whatever its in-flight
 * count, and a burst would pile onto it before its first answer came back.
 */
export const DEFAULT_RTT_MS = 250;

/**
 * Peak-EWMA latency (Linkerd's balancer): a sample above the estimate replaces it at once
 * (peak-sensitive), lower samples decay in with time constant `tauMs` (default 10 s). Between
 * samples an estimate above the default decays towards the default when read, so a spot that
 * was charged a failure penalty and then got no traffic is tried again after a while instead
 * of being starved for good; it never decays below it, so in-flight requests always weigh.
 */
export class PeakEwma {
  #value: number;
  #at = -Infinity;
  constructor(private readonly tauMs = 10_000, private readonly defaultMs = DEFAULT_RTT_MS) {
    this.#value = defaultMs;
  }

  /** Feeds one round-trip sample (ms) taken at `now`. */
  observe(rttMs: number, now: number): void {
    if (this.#at === -Infinity || rttMs > this.#value) this.#value = rttMs;
    else {
      const w = this.#weight(now);
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
    this.#value = this.defaultMs;
    this.#at = -Infinity;
  }

  /** The estimate (ms) as of the last sample, without decay. */
  get value(): number {
    return this.#value;
  }

  /** The estimate (ms) read at `now`: above the default, decayed towards it since its sample. */
  valueAt(now: number): number {
    if (this.#value <= this.defaultMs) return this.#value;
    return this.defaultMs + (this.#value - this.defaultMs) * this.#weight(now);
  }

  /** The load-weighted cost of sending one more request: estimate at `now` × (in-flight + 1). */
  cost(now: number, inFlight: number): number {
    return this.valueAt(now) * (inFlight + 1);
  }

  #weight(now: number): number {
    if (this.#at === -Infinity) return 1; // never sampled: the initial value stands
    return Math.exp(-Math.max(0, now - this.#at) / this.tauMs);
  }
}
