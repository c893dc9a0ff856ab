// The API's shapes are the gateway's own (type-only: nothing of it is bundled).
export type {
  GameAnalysis,
  Judgement,
  PlyAnalysis as AnalysedPly,
  SideSummary,
} from "../../../analysis/types.ts";

/** A job's progress event (`progress`): positions done over every phase. */
export interface JobProgress {
  phase: number;
  done: number;
  total: number;
  percent: number;
}
