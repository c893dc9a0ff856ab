/** One spot as the status stream reports it (README "Console"; the `/healthz` data). */
export interface SpotStatus {
  id: string;
  region: string;
  priority: number;
  enabled: boolean;
  admin_disabled?: boolean;
  status: string;
  circuit: string;
  in_flight: number;
  usable: boolean;
  latency_ms?: { p50: number | null; p95: number | null };
  success_rate?: number | null;
  last_check: {
    ok: boolean;
    ms: number;
    detail: string;
    capacity?: number;
    checked_at?: string;
  } | null;
}

/** The status stream's report: the gateway, its spots, and the sections it has. */
export interface StatusReport {
  status: string;
  version: string;
  uptime_s: number;
  in_flight: number;
  streams_active: number;
  spots: SpotStatus[];
  limiter?: {
    backend: string;
    policy: string;
    redis: string;
    fallback_active: boolean;
    in_flight?: Record<string, number>;
  };
  /** The job queue and the cache, when the gateway has them: shown as they come. */
  jobs?: Record<string, unknown>;
  cache?: Record<string, unknown>;
}
