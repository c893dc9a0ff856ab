import type { SpotPool } from "../core/pool.ts";
import type { SpotRecord } from "../core/spot.ts";
import { type CheckResult, checkSpot } from "./health-check.ts";

/** What the prober reports to (state, logs, metrics) and how often it runs. */
export interface ProberOptions {
  pool: SpotPool;
  intervalMs: () => number;
  onResult: (spot: SpotRecord, result: CheckResult) => void;
  random?: () => number;
}

/**
 * Active health checks: every spot on its own timer, every `interval` ± 10 % jitter, the
 * first within a random second, so that many replicas do not check in lockstep.
 */
export class Prober {
  #timers = new Map<string, ReturnType<typeof setTimeout>>();
  #stopped = true;
  /** Last check per spot, with when it ended (for `/healthz` and `/health`'s busy/capacity). */
  readonly last: Map<string, CheckResult & { checked_at: string }> = new Map();

  constructor(private readonly opts: ProberOptions) {}

  /** Starts (or, after a config change, re-syncs) one timer per configured spot. */
  sync(): void {
    this.#stopped = false;
    const ids = new Set(this.opts.pool.active().map((s) => s.id));
    for (const [id, t] of this.#timers) {
      if (!ids.has(id)) (clearTimeout(t), this.#timers.delete(id));
    }
    for (const id of ids) {
      // The first check comes soon (readiness waits for it), spread over up to a second.
      const first = this.#random() * Math.min(1000, this.opts.intervalMs());
      if (!this.#timers.has(id)) this.#schedule(id, first);
    }
  }

  /** Checks one spot now and feeds the result in (admin `/healthcheck`, and the timers). */
  async checkNow(spot: SpotRecord): Promise<CheckResult> {
    const result = await checkSpot(spot.settings.url);
    this.last.set(spot.id, { ...result, checked_at: new Date().toISOString() });
    if (!spot.removed) this.opts.onResult(spot, result);
    return result;
  }

  #schedule(id: string, delayMs: number): void {
    this.#timers.set(
      id,
      setTimeout(async () => {
        const spot = this.opts.pool.get(id);
        if (spot && !spot.removed) await this.checkNow(spot);
        if (this.#stopped || !this.#timers.has(id)) return;
        const jitter = 0.9 + 0.2 * this.#random();
        this.#schedule(id, this.opts.intervalMs() * jitter);
      }, delayMs),
    );
  }

  #random(): number {
    return (this.opts.random ?? Math.random)();
  }

  /** Stops every timer. */
  stop(): void {
    this.#stopped = true;
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#timers.clear();
  }
}
