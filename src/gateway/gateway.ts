import { circuitNumber } from "../core/breaker.ts";
import { SpotPool } from "../core/pool.ts";
import type { GatewayEnv } from "../config/env.ts";
import type { RoutingConfig } from "../config/schema.ts";
import type { Logger } from "../obs/log.ts";
import { GatewayMetrics } from "../obs/metrics.ts";
import { registerSpotGauges } from "../obs/spot-gauges.ts";
import { PoolRouter } from "../proxy/pool-router.ts";
import { Prober } from "../upstream/prober.ts";
import type { EngineTimeouts } from "../http/routes/engine.ts";
import { checkHook, circuitHook, routerHooks } from "./hooks.ts";

/**
 * The gateway's run-time state, wired once: pool, router, prober, metrics and logger, with the
 * current routing config (replaced on reload) and the draining flag (set on SIGTERM).
 */
export class Gateway {
  readonly metrics: GatewayMetrics = new GatewayMetrics();
  readonly pool: SpotPool;
  readonly router: PoolRouter;
  readonly prober: Prober;
  readonly startedAt: number = Date.now();
  draining = false;
  #config: RoutingConfig;

  constructor(readonly env: GatewayEnv, config: RoutingConfig, readonly log: Logger) {
    this.#config = config;
    const threshold = () => this.#config.failover_threshold;
    this.pool = new SpotPool({ onCircuit: circuitHook(this.metrics, log) });
    this.router = new PoolRouter(this.pool, {
      threshold,
      checkIntervalMs: () => this.#config.health_check_interval * 1000,
      hooks: routerHooks(this.metrics, log),
    });
    this.prober = new Prober({
      pool: this.pool,
      intervalMs: () => this.#config.health_check_interval * 1000,
      onResult: checkHook(this.metrics, log, threshold),
    });
    registerSpotGauges(this.metrics.registry, () =>
      this.pool.list().map((s) => ({
        id: s.id,
        status: s.status,
        inFlight: s.inFlight,
        circuit: circuitNumber(s.breaker.state(Date.now())),
      })));
    this.pool.apply(config.spots, Date.now());
  }

  /** The routing config in force. */
  get config(): RoutingConfig {
    return this.#config;
  }

  /** Applies a reloaded config: spots that stay keep their state; removed ones drain. */
  applyConfig(config: RoutingConfig, trigger: string): void {
    this.#config = config;
    const { added, removed } = this.pool.apply(config.spots, Date.now());
    this.prober.sync();
    this.metrics.configReloads.inc({ result: "ok" });
    this.log.info("config reloaded", { trigger, spots: config.spots.length, added, removed });
  }

  /** Records a refused reload; the running config keeps serving. */
  rejectConfig(error: string, trigger: string): void {
    this.metrics.configReloads.inc({ result: "error" });
    this.log.error("config reload refused, keeping the running config", { trigger, error });
  }

  /** Timeouts from the live config and the environment. */
  timeouts(): EngineTimeouts {
    return {
      requestMs: this.#config.request_timeout * 1000,
      deadlineMs: this.env.REQUEST_DEADLINE * 1000,
      idleMs: this.env.STREAM_IDLE_TIMEOUT * 1000,
      keepAliveMs: this.env.KEEPALIVE_INTERVAL * 1000,
    };
  }
}
