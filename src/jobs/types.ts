import type { GameAnalysis, GameInput } from "../analysis/types.ts";

/** What a job analyses: one game (`POST /v1/games`) or many games of one user (`/v1/batches`). */
export type JobKind = "game" | "batch";

/** A job's life (docs/design.md §10): queued → running → completed | failed | cancelled. */
export type JobStatus = "queued" | "running" | "completed" | "failed" | "cancelled";

/** Statuses after which nothing changes any more (bar an admin retry of a failed job). */
export const FINISHED: readonly JobStatus[] = ["completed", "failed", "cancelled"];

/** A single game's queue priority: `high` before `normal` (the default) before `low`. */
export type GamePriority = "high" | "normal" | "low";

/** One game of a job as submitted: its id (given, or `game-<n>`), the game, its plies. */
export interface JobGame {
  game_id: string;
  input: GameInput;
  plies: number;
}

/** A job's progress over every phase: positions evaluated, of how many. */
export interface JobProgress {
  done: number;
  total: number;
  percent: number;
}

/** The stored state of one job; times are epoch milliseconds. */
export interface JobRecord {
  id: string;
  kind: JobKind;
  user_id: string | null;
  status: JobStatus;
  priority: GamePriority;
  /** The search depth of each phase, ascending (default [8, 14]). */
  phases: number[];
  /** The phase being searched (1-based), 0 before the job starts. */
  phase: number;
  progress: JobProgress;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  /** Attempts started so far (a takeover after a crash is not a new attempt). */
  attempts: number;
  error: string | null;
  /** Number of games in the job. */
  game_count: number;
}

/** The fields a runner or a route may change. */
export type JobPatch = Partial<Omit<JobRecord, "id" | "kind" | "user_id" | "created_at">>;

/** Event names of a job's stream (docs/design.md §10). */
export type JobEventName = "progress" | "game" | "done" | "failed";

/** One stored event of a job's stream: its sequence number (the SSE `id`, from 1) and data. */
export interface JobEvent {
  seq: number;
  event: JobEventName;
  data: unknown;
}

/** A game's latest published analysis, by game index. */
export type GameResults = Map<number, GameAnalysis>;

/** The key of one evaluated position: phase (1-based), game index, position index. */
export function evalKey(phase: number, game: number, position: number): string {
  return `${phase}:${game}:${position}`;
}
