import type { EngineResult, Line } from "../../../src/api/types.ts";

/** The start position. */
export const START = "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1";

/** A line at `depth` for multipv index `m`, with a PV of `plies` moves. */
export function line(depth: number, m: number, plies = 3): Line {
  const pv = Array.from({ length: plies }, (_, i) => (i % 2 ? "e7e5" : "e2e4"));
  const score = { cp: 30 - m };
  return { multipv: m, depth, seldepth: depth + 2, score, pv, nodes: 1, nps: 1, time_ms: 1 };
}

/** A result at `depth` with `multipv` lines. */
export function result(depth: number, multipv: number, fen = START, plies = 3): EngineResult {
  const lines = Array.from({ length: multipv }, (_, i) => line(depth, i + 1, plies));
  return { fen, depth, multipv, bestmove: "e2e4", ponder: "e7e5", lines, engine: "Test 1" };
}
