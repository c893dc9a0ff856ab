import client from "prom-client";
import type { JobKind } from "./types.ts";

// Job times run from seconds to an hour (a batch of 200 games).
const JOB_SECONDS = [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

/** How a job ended, as the `outcome` label of `spotgate_jobs_total`. */
export type JobOutcome = "completed" | "failed" | "cancelled";

/** Where a position's evaluation came from (`spotgate_job_positions_total{source}`). */
export type PositionSource = "engine" | "cache" | "stored";

/** The job metrics of docs/design.md §10. */
export interface JobMetrics {
  finished: client.Counter<"kind" | "outcome">;
  active: client.Gauge;
  waitSeconds: client.Histogram;
  durationSeconds: client.Histogram<"kind">;
  phaseSeconds: client.Histogram<"phase">;
  positions: client.Counter<"source">;
}

/**
 * Registers the job metrics. `spotgate_jobs_waiting` is read from the store at scrape time
 * (with Redis, the whole queue: every replica reports the same number, so take the `max`).
 */
export function registerJobMetrics(
  registry: client.Registry,
  waiting: () => Promise<number>,
): JobMetrics {
  const registers = [registry];
  new client.Gauge({
    name: "spotgate_jobs_waiting",
    help: "Jobs waiting to start, over the whole queue",
    registers,
    async collect() {
      this.set(await waiting().catch(() => 0));
    },
  });
  const histogram = <L extends string>(name: string, help: string, labelNames: L[]) =>
    new client.Histogram<L>({ name, help, labelNames, buckets: JOB_SECONDS, registers });
  return {
    finished: new client.Counter({
      name: "spotgate_jobs_total",
      help: "Jobs finished on this replica, by kind and outcome",
      labelNames: ["kind", "outcome"],
      registers,
    }),
    active: new client.Gauge({
      name: "spotgate_jobs_active",
      help: "Jobs running on this replica",
      registers,
    }),
    waitSeconds: histogram("spotgate_job_wait_seconds", "Time from submission to start", []),
    durationSeconds: histogram("spotgate_job_duration_seconds", "Time from start to end", [
      "kind",
    ]),
    phaseSeconds: histogram("spotgate_job_phase_seconds", "Time of one phase of a job", [
      "phase",
    ]),
    positions: new client.Counter({
      name: "spotgate_job_positions_total",
      help: "Job positions evaluated: by an engine, from the cache, or stored by an earlier run",
      labelNames: ["source"],
      registers,
    }),
  };
}

/** Counts a finished job. */
export function countFinished(m: JobMetrics, kind: JobKind, outcome: JobOutcome): void {
  m.finished.inc({ kind, outcome });
}
