import type { ParsedGame, PositionEval } from "../analysis/types.ts";
import { donePositions, totalPositions } from "./plan.ts";
import { ProgressTracker } from "./progress.ts";
import type { RunnerDeps } from "./runner-deps.ts";
import { RANK } from "./store.ts";
import type { GameResults, JobRecord } from "./types.ts";

/** One run of a job: its record, replayed games, what earlier runs stored, the stop signal. */
export interface RunContext {
  deps: RunnerDeps;
  rec: JobRecord;
  games: ParsedGame[];
  gameIds: string[];
  stored: Map<string, PositionEval>;
  results: GameResults;
  progress: ProgressTracker;
  /** The fan-out rank of the job's positions (single games before batches). */
  rank: number;
  signal: AbortSignal;
}

/**
 * Loads what a run starts from: the job's games replayed, the positions and game analyses an
 * earlier run stored (a replica that died mid-job), and the progress they already make.
 */
export async function loadRun(
  deps: RunnerDeps,
  rec: JobRecord,
  signal: AbortSignal,
): Promise<RunContext> {
  const inputs = await deps.store.games(rec.id);
  const games = inputs.map((g) => deps.analyser.parseGame(g.input));
  const stored = await deps.log.evals(rec.id);
  const phases = rec.phases.length;
  const done = donePositions(games, phases, stored);
  const total = totalPositions(games, phases);
  return {
    deps,
    rec,
    games,
    gameIds: inputs.map((g) => g.game_id),
    stored,
    results: await deps.log.results(rec.id),
    progress: new ProgressTracker(deps.store, deps.log, rec.id, total, done),
    rank: rec.kind === "batch" ? RANK.batch : RANK[rec.priority],
    signal,
  };
}
