import type { AnalysisRequest, EngineResult, Line } from "../api/types.ts";
import { GatewayError } from "../errors/gateway-error.ts";
import { EngineFailure } from "./engine.ts";
import type { EnginePool } from "./engine-pool.ts";
import { rootMoves, terminalResult } from "./position.ts";
import { runSearch, type SearchDeadlines } from "./search.ts";

/** What an analysis needs from the spot: its engines, their name, and the deadlines. */
export interface AnalyzeDeps {
  pool: EnginePool;
  engineName: () => string;
  deadlines: SearchDeadlines;
  onEngineFailure?: (err: Error) => void;
}

/**
 * Runs one analysis on a pooled engine. A position with no legal move is answered at once
 * without an engine. An engine that fails is replaced and the request gets `engine_failure`.
 */
export async function analyze(
  deps: AnalyzeDeps,
  req: AnalysisRequest,
  onLines: (lines: Line[]) => void,
  signal: AbortSignal,
): Promise<EngineResult> {
  const moves = rootMoves(req.fen);
  if (moves.count === 0) return terminalResult(req, moves.mate, deps.engineName());
  const engine = await deps.pool.acquire(signal);
  try {
    const expected = Math.min(req.multipv, moves.count);
    const result = await runSearch(engine, req, expected, onLines, signal, deps.deadlines);
    deps.pool.release(engine);
    return result;
  } catch (err) {
    deps.pool.release(engine, true);
    if (!(err instanceof EngineFailure)) throw err;
    deps.onEngineFailure?.(err);
    throw new GatewayError("engine_failure", `The engine failed: ${err.message}`, {
      hint: "Retry: the engine has been replaced",
    });
  }
}
