import type { JobRecord } from "../../../src/jobs/types.ts";

/** A queued job record as submitJob makes one. */
export function record(id: string, over: Partial<JobRecord> = {}): JobRecord {
  return {
    id,
    kind: "game",
    user_id: null,
    status: "queued",
    priority: "normal",
    phases: [4, 8],
    phase: 0,
    progress: { done: 0, total: 10, percent: 0 },
    created_at: 1000,
    started_at: null,
    finished_at: null,
    attempts: 0,
    error: null,
    game_count: 1,
    ...over,
  };
}
