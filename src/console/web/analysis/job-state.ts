import type { SseEvent } from "../../../sse/event.ts";
import type { GameAnalysis, JobProgress } from "./types.ts";

/** What the page knows of a running job, from its event stream (docs/design.md §10). */
export interface JobView {
  jobId: string;
  /** The requested phase depths, ascending. */
  phases: number[];
  progress: JobProgress | undefined;
  /** Phases whose `game` event has come (1-based). */
  phasesDone: number[];
  /** The latest GameAnalysis (the deepest phase so far). */
  game: GameAnalysis | undefined;
  status: "running" | "completed" | "failed" | "cancelled";
  error: string | undefined;
}

/** A job just submitted. */
export function newJob(jobId: string, phases: number[]): JobView {
  return {
    jobId,
    phases,
    progress: undefined,
    phasesDone: [],
    game: undefined,
    status: "running",
    error: undefined,
  };
}

/** The job's events that end its stream. */
export const isJobEnd = (e: SseEvent): boolean => e.event === "done" || e.event === "failed";

/**
 * The job after one event of its stream: `progress` moves the bar, `game` brings a phase's
 * analysis (kept when it is at least as deep as the one shown), `done`/`failed` end it.
 */
export function applyJobEvent(job: JobView, e: SseEvent): JobView {
  const data = JSON.parse(e.data);
  if (e.event === "progress") return { ...job, progress: data as JobProgress };
  if (e.event === "game") {
    const game = data as GameAnalysis;
    const phasesDone = [...new Set([...job.phasesDone, game.phase])].sort((a, b) => a - b);
    const newer = !job.game || game.phase >= job.game.phase;
    return { ...job, phasesDone, game: newer ? game : job.game };
  }
  if (e.event === "done") {
    const status = data?.status === "cancelled" ? "cancelled" : "completed";
    const progress = data?.progress ?? job.progress;
    return { ...job, status, progress };
  }
  if (e.event === "failed") {
    return { ...job, status: "failed", error: String(data?.error ?? "the job failed") };
  }
  return job;
}

/** The progress line: the phase being searched and the share done. */
export function progressLabel(job: JobView): string {
  const p = job.progress;
  if (job.status === "completed") return `done: ${job.phases.length} phases, 100 %`;
  if (!p) return "queued…";
  const depth = job.phases[p.phase - 1];
  const at = depth === undefined ? "" : ` (depth ${depth})`;
  return `phase ${p.phase} of ${job.phases.length}${at}: ${p.done} / ${p.total} positions, ${
    Math.floor(p.percent)
  } %`;
}
