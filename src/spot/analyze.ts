import type { AnalysisRequest, EngineResult, Line } from "../api/types.ts";
import { GatewayError } from "../errors/gateway-error.ts";
import { EngineFailure } from "./engine.ts";
import { busyError, type EnginePool, type Priority } from "./engine-pool.ts";
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
 * A batch search whose engine an interactive request took over ends with 503 `engine_busy`
 * (its partial result is not an answer at the depth asked): the gateway tries elsewhere.
 */
export async function analyze(
  deps: AnalyzeDeps,
  req: AnalysisRequest,
  onLines: (lines: Line[]) => void,
  signal: AbortSignal,
  priority: Priority = "interactive",
): Promise<EngineResult> {
  const moves = rootMoves(req.fen);
  if (moves.count === 0) return terminalResult(req, moves.mate, deps.engineName());
  const engine = await deps.pool.acquire(signal, priority);
  const preempted = deps.pool.preemption(engine);
  let result: EngineResult;
  try {
    const expected = Math.min(req.multipv, moves.count);
    const stop = AbortSignal.any([signal, preempted]);
    result = await runSearch(engine, req, expected, onLines, stop, deps.deadlines);
  } catch (err) {
    deps.pool.release(engine, true);
    if (!(err instanceof EngineFailure)) throw err;
    deps.onEngineFailure?.(err);
    throw new GatewayError("engine_failure", `The engine failed: ${err.message}`, {
      hint: "Retry: the engine has been replaced",
    });
  }
  deps.pool.release(engine);
  if (preempted.aborted && !signal.aborted) throw busyError();
  return result;
}
