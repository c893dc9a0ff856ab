import client from "prom-client";

const NOT_COUNTERS = [
  "nodejs_active_handles_total",
  "nodejs_active_requests_total",
  "nodejs_active_resources_total",
];
const LATENCY = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

/**
 * Every gateway metric (docs/design.md §8) in one Registry, with the default process metrics. Labels
 * are bounded: route patterns, spot ids, outcomes, status codes; never a FEN, user or URL.
 * Per-spot gauges are read from the pool at scrape time (spot-gauges.ts).
 */
export class GatewayMetrics {
  readonly registry: client.Registry = new client.Registry();
  readonly requests = this.#counter("spotgate_requests_total", "Requests answered", [
    "route",
    "method",
    "code",
  ]);
  readonly requestDuration = this.#histogram(
    "spotgate_request_duration_seconds",
    "Request time; for a stream, the whole stream",
    ["route", "code"],
  );
  readonly upstreamRequests = this.#counter("spotgate_upstream_requests_total", "Attempts", [
    "spot",
    "outcome",
  ]);
  readonly upstreamFirstEvent = this.#histogram(
    "spotgate_upstream_first_event_seconds",
    "Attempt time to response headers (JSON) or first event (stream)",
    ["spot"],
  );
  readonly upstreamDuration = this.#histogram(
    "spotgate_upstream_duration_seconds",
    "Attempt duration",
    ["spot"],
  );
  readonly circuitTransitions = this.#counter(
    "spotgate_circuit_transitions_total",
    "Circuit breaker transitions",
    ["spot", "to"],
  );
  readonly retries = this.#counter("spotgate_retries_total", "Retries on another spot", ["reason"]);
  readonly failovers = this.#counter("spotgate_failovers_total", "Requests answered after a retry");
  readonly resumes = this.#counter("spotgate_stream_resumes_total", "Streams resumed mid-way");
  readonly budgetExhausted = this.#counter(
    "spotgate_retry_budget_exhausted_total",
    "Retries refused by the retry budget",
  );
  readonly healthChecks = this.#counter("spotgate_health_checks_total", "Active checks", [
    "spot",
    "result",
  ]);
  readonly healthCheckDuration = this.#histogram(
    "spotgate_health_check_duration_seconds",
    "Active check time",
    ["spot"],
  );
  readonly configReloads = this.#counter("spotgate_config_reloads_total", "Reloads", ["result"]);
  readonly streamsActive: client.Gauge = new client.Gauge({
    name: "spotgate_streams_active",
    help: "Client streams open now",
    registers: [this.registry],
  });

  constructor() {
    client.collectDefaultMetrics({ register: this.registry });
    // Gauges that prom-client names `_total`: promtool rejects that for non-counters.
    for (const name of NOT_COUNTERS) this.registry.removeSingleMetric(name);
  }

  /** The Prometheus text exposition. */
  async text(): Promise<string> {
    return await this.registry.metrics();
  }

  #counter<L extends string>(name: string, help: string, labelNames: L[] = []): client.Counter<L> {
    return new client.Counter<L>({ name, help, labelNames, registers: [this.registry] });
  }

  #histogram<L extends string>(name: string, help: string, labelNames: L[]): client.Histogram<L> {
    return new client.Histogram<L>({
      name,
      help,
      labelNames,
      buckets: LATENCY,
      registers: [this.registry],
    });
  }
}
