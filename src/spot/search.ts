import type { AnalysisRequest, EngineResult, Line } from "../api/types.ts";
import { SearchAccumulator } from "./accumulator.ts";
import type { EngineProcess } from "./engine.ts";
import { parseBestmove, parseInfo, type UciBestmove } from "./uci.ts";
import { ready } from "./uci-handshake.ts";

/** Deadlines of a search: option round-trips, and the whole search (default 10 min). */
export interface SearchDeadlines {
  readyMs: number;
  searchMs: number;
}

/**
 * Runs one `go depth` search: MultiPV, `isready`, `position fen`, `go`. Complete sets go to
 * `onLines` as they finish. When `signal` aborts, sends `stop` and still drains to `bestmove`,
 * so the engine is idle when this returns. Throws EngineFailure on a crash or a missed deadline.
 */
export async function runSearch(
  engine: EngineProcess,
  req: AnalysisRequest,
  expected: number,
  onLines: (lines: Line[]) => void,
  signal: AbortSignal,
  deadlines: SearchDeadlines,
): Promise<EngineResult> {
  await engine.send(`setoption name MultiPV value ${req.multipv}`);
  await ready(engine, deadlines.readyMs);
  const acc = new SearchAccumulator(expected);
  let best: UciBestmove | null = null;
  const finished = engine.until((text) => {
    const info = parseInfo(text);
    if (info) {
      const lines = acc.feed(info);
      if (lines.length > 0 && !signal.aborted) onLines(lines);
      return false;
    }
    best = parseBestmove(text);
    return best !== null;
  }, deadlines.searchMs);
  const stop = () => void engine.send("stop").catch(() => {});
  signal.addEventListener("abort", stop, { once: true });
  try {
    await engine.send(`position fen ${req.fen}`);
    await engine.send(`go depth ${req.depth}`);
    if (signal.aborted) stop();
    await finished;
  } finally {
    signal.removeEventListener("abort", stop);
  }
  return acc.result(req, best!, engine.name);
}
