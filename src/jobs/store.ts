import type { GameAnalysis, PositionEval } from "../analysis/types.ts";
import type {
  GameResults,
  JobEvent,
  JobEventName,
  JobGame,
  JobPatch,
  JobRecord,
  JobStatus,
} from "./types.ts";

/** Queue lanes: single games (ranked by priority) wait in their own lane before batches. */
export const RANK = { high: 0, normal: 1, low: 2, batch: 3 } as const;

/** The waiting order of a job: its lane and rank first, then its age. */
export function waitScore(rec: Pick<JobRecord, "kind" | "priority" | "created_at">): number {
  const rank = rec.kind === "batch" ? RANK.batch : RANK[rec.priority];
  return rank * 1e13 + rec.created_at;
}

/** Where a lane starts in the waiting order: games from 0, batches from their rank. */
export function laneStart(kind: JobRecord["kind"]): number {
  return kind === "batch" ? RANK.batch * 1e13 : 0;
}

/**
 * Where job records live (memory, or Redis shared by every replica): the records and their
 * games, and the indexes (the waiting order, jobs by status, a user's active batch). A
 * finished job expires after the result TTL (`JOB_RESULT_TTL`).
 */
export interface JobStore {
  /** Stores a new job (status `queued`, waiting). */
  create(rec: JobRecord, games: JobGame[]): Promise<void>;
  get(id: string): Promise<JobRecord | undefined>;
  /** Writes only the fields given (a cancel and a runner's progress never overwrite each other). */
  patch(id: string, patch: JobPatch): Promise<void>;
  /**
   * Moves a job to `to` (and writes `patch`) only when its status is one of `from`; keeps the
   * indexes in step; a move to a finished status starts the result TTL. Whether it moved.
   */
  transition(id: string, from: JobStatus[], to: JobStatus, patch?: JobPatch): Promise<boolean>;
  games(id: string): Promise<JobGame[]>;
  /** Jobs waiting now, over both lanes. */
  waitingCount(): Promise<number>;
  /** A queued job's 1-based place in its lane, or null when it does not wait. */
  queuePosition(id: string): Promise<number | null>;
  /** Up to `limit` job ids of a status, oldest first. */
  list(status: JobStatus, limit: number): Promise<string[]>;
  /**
   * Takes one of the user's `limit` active-batch slots (queued or running) for `id`: null when
   * taken, else the id of an active batch that holds one.
   */
  claimBatch(user: string, id: string, limit: number): Promise<string | null>;
  /** Frees the user's slot that `id` holds. */
  releaseBatch(user: string, id: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * What a job produces, kept beside its record and expiring with it: the event log (the SSE
 * stream), the evaluated positions (so a job taken over after a crash skips them) and the
 * latest `GameAnalysis` of each game.
 */
export interface JobLog {
  /** Appends an event; its sequence number (from 1). */
  append(id: string, event: JobEventName, data: unknown): Promise<number>;
  /** The events after `seq`, in order. */
  since(id: string, seq: number): Promise<JobEvent[]>;
  saveEval(id: string, key: string, value: PositionEval): Promise<void>;
  evals(id: string): Promise<Map<string, PositionEval>>;
  saveGame(id: string, index: number, analysis: GameAnalysis): Promise<void>;
  results(id: string): Promise<GameResults>;
  close(): Promise<void>;
}
