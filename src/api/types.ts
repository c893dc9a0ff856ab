/** A score: centipawns or moves to mate (negative: the side to move is mated). */
export type Score = { cp: number } | { mate: number };

/** A finished principal variation at one depth (docs/design.md §2 `Line`). */
export interface Line {
  multipv: number;
  depth: number;
  seldepth: number;
  score: Score;
  pv: string[];
  nodes: number;
  nps: number;
  time_ms: number;
}

/** The answer of `POST /analyze` and the data of the SSE `result` event (docs/design.md §2). */
export interface EngineResult {
  fen: string;
  depth: number;
  multipv: number;
  bestmove: string | null;
  ponder: string | null;
  lines: Line[];
  engine: string;
}

/** A validated analysis request: the FEN is legal and depth/multipv within bounds. */
export interface AnalysisRequest {
  fen: string;
  depth: number;
  multipv: number;
}

/** The spot's and the gateway's `GET /health` body (docs/design.md §2). */
export interface HealthBody {
  status: "healthy" | "unhealthy";
  version: string;
  engine: string;
  busy: number;
  capacity: number;
}

/** spotgate's version, reported by `/health`. */
export const VERSION = "0.1.0";
