import type { SpotConfig } from "../config/schema.ts";
import type { Logger } from "../obs/log.ts";
import { resolveSetting } from "./resolve.ts";
import type { DnsSetting, NameServer } from "./setting.ts";
import { diffSpots, type DiscoveredSet, spotsFromAnswer } from "./spots.ts";
import { FailureStreak } from "./streak.ts";

/** How one refresh ended: a new set, the same set, or a failure (the last good set stays). */
export type RefreshResult = "changed" | "unchanged" | "error";

/** What the discovery loop needs. */
export interface DiscoveryOptions {
  setting: DnsSetting;
  /** Between the end of one resolution and the next (`SPOT_DNS_INTERVAL`, 10 s). */
  intervalMs: number;
  /** `SPOT_DNS_SERVER`; the system's resolver when absent. */
  nameServer?: NameServer;
  log: Logger;
  /** A new set (never an unchanged one, nor an empty one): apply it to the pool. */
  onChange: (found: DiscoveredSet) => void;
  /** Every refresh's result, for metrics. */
  onRefresh?: (result: RefreshResult) => void;
  /** The longest one resolution may take (default 5 s, at most the interval). */
  timeoutMs?: number;
}

/**
 * Spots from DNS, refreshed every interval (what Envoy's STRICT_DNS does): each changed set
 * goes to `onChange`; a failed resolution keeps the last good set and is logged once (warn)
 * until one succeeds again (info). `start()` schedules the refreshes, `stop()` ends them and
 * aborts one in flight.
 */
export class DnsDiscovery {
  #spots: SpotConfig[] = [];
  #streak: FailureStreak;
  #stopped = false;
  #timer?: ReturnType<typeof setTimeout>;
  #inFlight?: AbortController;

  constructor(private readonly opts: DiscoveryOptions) {
    this.#streak = new FailureStreak(opts.log, opts.setting.name);
  }

  /** The set in force (empty until a resolution succeeds). */
  get spots(): SpotConfig[] {
    return this.#spots;
  }

  /** Resolves once now; applies the set when it changed. */
  async refresh(): Promise<RefreshResult> {
    const { setting } = this.opts;
    const abort = new AbortController();
    this.#inFlight = abort;
    const timer = setTimeout(
      () => abort.abort(new Error("timed out")),
      Math.min(this.opts.timeoutMs ?? 5_000, this.opts.intervalMs),
    );
    try {
      const answer = await resolveSetting(setting, { ...this.opts, signal: abort.signal });
      if (this.#stopped) return "unchanged";
      const found = spotsFromAnswer(setting, answer);
      this.#streak.succeeded(found.spots.length);
      const { added, removed } = diffSpots(this.#spots, found.spots);
      if (added.length === 0 && removed.length === 0) return this.#report("unchanged");
      this.#spots = found.spots;
      this.opts.onChange(found);
      return this.#report("changed");
    } catch (err) {
      if (this.#stopped) return "error";
      this.#streak.failed((abort.signal.reason ?? err as Error).message, this.#spots.length);
      return this.#report("error");
    } finally {
      clearTimeout(timer);
    }
  }

  /** Refreshes every interval from now on, until `stop()`. */
  start(): void {
    const tick = async () => {
      await this.refresh();
      if (!this.#stopped) this.#timer = setTimeout(tick, this.opts.intervalMs);
    };
    this.#timer = setTimeout(tick, this.opts.intervalMs);
  }

  /** Ends the refreshes and aborts one in flight. */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#inFlight?.abort(new Error("stopped"));
  }

  #report(result: RefreshResult): RefreshResult {
    this.opts.onRefresh?.(result);
    return result;
  }
}
