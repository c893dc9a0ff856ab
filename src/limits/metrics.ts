import client from "prom-client";

/** The limiter's metrics (docs/design.md §8 names); labels are the class and the decision only. */
export interface LimiterMetrics {
  /** `decision`: granted, user_limit, global_limit, error. */
  decisions: client.Counter<"class" | "decision">;
  /** Leases this replica holds now, per class. */
  inFlight: client.Gauge<"class">;
  reaped: client.Counter;
  lost: client.Counter;
  redisSeconds: client.Histogram;
  /** 1 while Redis is away and the local fallback decides. */
  fallbackActive: client.Gauge;
  /** 1 while the limiter reaches Redis, 0 while not; only registered when Redis is configured. */
  redisUp?: client.Gauge;
}

/** What to register: `redis` adds `spotgate_redis_up` (default false: in-memory limits). */
export interface LimiterMetricsOptions {
  redis?: boolean;
}

const REDIS_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5];

/** Registers the limiter's metrics in `registry` (the gateway passes its shared one). */
export function registerLimiterMetrics(
  registry: client.Registry,
  o: LimiterMetricsOptions = {},
): LimiterMetrics {
  const registers = [registry];
  const redisUp = o.redis
    ? new client.Gauge({
      name: "spotgate_redis_up",
      help: "1 while the limiter reaches Redis (its calls and a ping every second), else 0",
      registers,
    })
    : undefined;
  return {
    redisUp,
    decisions: new client.Counter({
      name: "spotgate_limiter_decisions_total",
      help: "Limiter decisions by class and outcome",
      labelNames: ["class", "decision"],
      registers,
    }),
    inFlight: new client.Gauge({
      name: "spotgate_limiter_in_flight",
      help: "Leases held by this replica",
      labelNames: ["class"],
      registers,
    }),
    reaped: new client.Counter({
      name: "spotgate_limiter_leases_reaped_total",
      help: "Expired leases removed by the limiter",
      registers,
    }),
    lost: new client.Counter({
      name: "spotgate_limiter_leases_lost_total",
      help: "Leases found expired or gone when renewed",
      registers,
    }),
    redisSeconds: new client.Histogram({
      name: "spotgate_limiter_redis_seconds",
      help: "Duration of limiter Redis scripts",
      buckets: REDIS_BUCKETS,
      registers,
    }),
    fallbackActive: new client.Gauge({
      name: "spotgate_limiter_fallback_active",
      help: "1 while Redis is unavailable and the local fallback limiter decides",
      registers,
    }),
  };
}
