import type { GameAnalysis } from "../analysis/types.ts";
import type { GameResults, JobKind, JobProgress, JobRecord, JobStatus } from "./types.ts";

/** A job as `GET /v1/jobs/{id}` shows it (docs/design.md §10); times as ISO 8601. */
export interface JobView {
  job_id: string;
  kind: JobKind;
  user_id: string | null;
  status: JobStatus;
  phase: number;
  phases: number[];
  progress: JobProgress;
  queue_position: number | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  attempts: number;
  error?: string;
  games?: GameAnalysis[];
  links: { self: string; events: string };
}

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/** The links of a job: itself and its event stream. */
export function jobLinks(id: string): JobView["links"] {
  return { self: `/v1/jobs/${id}`, events: `/v1/jobs/${id}/events` };
}

/**
 * The view of a job; `results` (each game's latest analysis, in game order) when the games
 * are to be shown, left out for lists.
 */
export function jobView(
  rec: JobRecord,
  queuePosition: number | null,
  results?: GameResults,
): JobView {
  const view: JobView = {
    job_id: rec.id,
    kind: rec.kind,
    user_id: rec.user_id,
    status: rec.status,
    phase: rec.phase,
    phases: rec.phases,
    progress: rec.progress,
    queue_position: rec.status === "queued" ? queuePosition : null,
    created_at: iso(rec.created_at)!,
    started_at: iso(rec.started_at),
    finished_at: iso(rec.finished_at),
    attempts: rec.attempts,
    links: jobLinks(rec.id),
  };
  if (rec.error !== null) view.error = rec.error;
  if (results) view.games = [...results.entries()].sort(([a], [b]) => a - b).map(([, g]) => g);
  return view;
}
