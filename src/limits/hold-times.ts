import type { LimitClass } from "./limiter.ts";

/** Options: EWMA weight of a new observation (0.2) and the estimate before any (5 s). */
export interface HoldTimesOptions {
  alpha?: number;
  initialMs?: number;
}

/**
 * Observed lease hold times per class (an exponentially weighted mean), for a `Retry-After`
 * that follows reality: a slot typically frees after about one mean hold time.
 */
export class HoldTimes {
  readonly #mean = new Map<LimitClass, number>();
  readonly #alpha: number;
  readonly #initialMs: number;

  constructor(o: HoldTimesOptions = {}) {
    this.#alpha = o.alpha ?? 0.2;
    this.#initialMs = o.initialMs ?? 5_000;
  }

  /** Records one finished hold of `ms` milliseconds. */
  observe(cls: LimitClass, ms: number): void {
    const prev = this.#mean.get(cls);
    const v = Math.max(0, ms);
    this.#mean.set(cls, prev === undefined ? v : prev + this.#alpha * (v - prev));
  }

  /** The current mean hold time of `cls` in ms. */
  meanMs(cls: LimitClass): number {
    return this.#mean.get(cls) ?? this.#initialMs;
  }

  /** Seconds to wait before retrying: the mean hold, jittered ±25 %, within 1..60. */
  retryAfter(cls: LimitClass, random: () => number): number {
    const s = (this.meanMs(cls) / 1000) * (0.75 + 0.5 * random());
    return Math.min(60, Math.max(1, Math.round(s)));
  }
}
