import { CircuitBreaker, type CircuitState } from "./breaker.ts";
import { PeakEwma } from "./ewma.ts";
import type { HealthStatus } from "./health.ts";
import { LatencyWindow } from "./latency-window.ts";

/** A spot as configured (docs/design.md §6): the shape the config schema produces. */
export interface SpotSettings {
  id: string;
  url: string;
  region: string;
  priority: number;
  enabled: boolean;
}

/** Counters kept per spot for the admin API. */
export interface SpotCounters {
  requests: number;
  successes: number;
  failures: number;
}

/** Hooks for transitions, so logs and metrics fire once per change. */
export interface SpotHooks {
  onCircuit?: (spot: string, from: CircuitState, to: CircuitState) => void;
}

/** Everything spotgate knows about one spot at run time (Caddy's Upstream + Host). */
export class SpotRecord {
  settings: SpotSettings;
  status: HealthStatus = "unknown";
  consecutiveFailures = 0;
  /** Admin hold (`/disable`): no new requests; in-flight ones finish. */
  adminDisabled = false;
  /** Dropped from the config: gets no new requests, forgotten once idle. */
  removed = false;
  inFlight = 0;
  /** Engines the spot reported in its last passing `/health` (`capacity`); unknown before. */
  capacity?: number;
  /** Until when (epoch ms) the spot counts as full, after its 503 `engine_busy`. */
  fullUntil = 0;
  lastHealthyAt?: number;
  /** When the spot (re)joined: the selector ramps its share up from here. */
  slowStartSince?: number;
  readonly ewma: PeakEwma = new PeakEwma();
  readonly breaker: CircuitBreaker;
  readonly counters: SpotCounters = { requests: 0, successes: 0, failures: 0 };
  readonly latencies: LatencyWindow = new LatencyWindow(512);

  constructor(settings: SpotSettings, now: number, hooks: SpotHooks = {}, random = Math.random) {
    this.settings = settings;
    this.slowStartSince = now;
    this.breaker = new CircuitBreaker({
      random,
      onTransition: (from, to) => hooks.onCircuit?.(settings.id, from, to),
    });
  }

  /** The spot's id. */
  get id(): string {
    return this.settings.id;
  }

  /** Enabled in the config and not held by an admin. */
  get enabled(): boolean {
    return this.settings.enabled && !this.adminDisabled;
  }
}
