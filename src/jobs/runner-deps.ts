import type {
  AnalyseOptions,
  GameAnalysis,
  GameInput,
  ParsedGame,
  PositionEval,
} from "../analysis/types.ts";
import type { Logger } from "../obs/log.ts";
import type { FanOut } from "./fanout.ts";
import type { JobMetrics } from "./metrics.ts";
import type { PositionSearch } from "./position-search.ts";
import type { JobLog, JobStore } from "./store.ts";

/** The pure game analysis (src/analysis/): replay a game, assemble its `GameAnalysis`. */
export interface GameAnalyser {
  parseGame(input: GameInput): ParsedGame;
  analyseGame(game: ParsedGame, evals: PositionEval[], opts: AnalyseOptions): GameAnalysis;
}

/** Everything a job run needs; `now` and the cancel poll period are parameters for tests. */
export interface RunnerDeps {
  store: JobStore;
  log: JobLog;
  search: PositionSearch;
  fanout: FanOut;
  analyser: GameAnalyser;
  metrics: JobMetrics;
  logger: Logger;
  now?: () => number;
  /** How often a running job checks whether it was cancelled (default 250 ms). */
  cancelPollMs?: number;
}

/** Which attempt of a job this run is (from 1), and whether a failure now is the last word. */
export interface Attempt {
  number: number;
  final: boolean;
}

/** Why a run stopped before the end: the job was cancelled, or this replica shuts down. */
export class RunStopped extends Error {
  constructor(readonly why: "cancelled" | "shutdown") {
    super(`job run stopped: ${why}`);
  }
}
