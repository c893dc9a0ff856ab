import client from "prom-client";

/** How a request met the cache: the `X-Cache` header and the `result` label. */
export type CacheOutcome = "hit" | "miss" | "coalesced" | "bypass";

const OUTCOMES: CacheOutcome[] = ["hit", "miss", "coalesced", "bypass"];
const BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1];

/** The cache's metrics (docs/design.md §9) and the same counts kept for `/healthz`. */
export interface CacheMetrics {
  /** Counts a request by its outcome (metric and healthz alike). */
  count(outcome: CacheOutcome): void;
  /** Observes one store operation's duration. */
  observe(op: "get" | "set", seconds: number): void;
  /** The counts since start, per outcome. */
  counts(): Record<CacheOutcome, number>;
}

/** What the scrape-time gauges read: entries held, and clients joined to another's search. */
export interface CacheGaugeSources {
  entries: () => Promise<number>;
  waiters: () => number;
}

/**
 * Registers `spotgate_cache_requests_total{result}`, `spotgate_cache_seconds{op}`,
 * `spotgate_cache_entries` and `spotgate_coalesced_waiters` in `registry`; the gauges are read
 * from `sources` at scrape time (a later `sources.entries` may replace the first).
 */
export function registerCacheMetrics(
  registry: client.Registry,
  sources: CacheGaugeSources,
): CacheMetrics {
  const registers = [registry];
  const requests = new client.Counter({
    name: "spotgate_cache_requests_total",
    help: "Analyses by how the cache answered: hit, miss, coalesced (joined a search), bypass",
    labelNames: ["result"],
    registers,
  });
  const seconds = new client.Histogram({
    name: "spotgate_cache_seconds",
    help: "Cache store operations (get, set), including Redis round trips",
    labelNames: ["op"],
    buckets: BUCKETS,
    registers,
  });
  new client.Gauge({
    name: "spotgate_cache_entries",
    help: "Entries in the cache (memory: this replica's; Redis: the shared index)",
    registers,
    async collect() {
      this.set(await sources.entries());
    },
  });
  new client.Gauge({
    name: "spotgate_coalesced_waiters",
    help: "Clients now joined to a search another request started",
    registers,
    collect() {
      this.set(sources.waiters());
    },
  });
  const children = Object.fromEntries(OUTCOMES.map((o) => [o, requests.labels(o)]));
  const ops = { get: seconds.labels("get"), set: seconds.labels("set") };
  const totals: Record<CacheOutcome, number> = { hit: 0, miss: 0, coalesced: 0, bypass: 0 };
  return {
    count(outcome) {
      totals[outcome]++;
      children[outcome]!.inc();
    },
    observe: (op, s) => ops[op].observe(s),
    counts: () => ({ ...totals }),
  };
}

/** hits / (hits + misses + joins): how often the cache spared a search; null before any. */
export function hitRatio(c: Record<CacheOutcome, number>): number | null {
  const looked = c.hit + c.miss + c.coalesced;
  return looked === 0 ? null : Math.round((c.hit / looked) * 1000) / 1000;
}
