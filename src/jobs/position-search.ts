import type { EngineResult, Score } from "../api/types.ts";
import { dispatchJson } from "../proxy/dispatch.ts";
import type { Router } from "../proxy/router.ts";

/** Where an evaluation came from: a spot's engine, or the gateway's position cache. */
export type EvalSource = "engine" | "cache";

/** One searched position: the side to move's score, the best move, and where it came from. */
export interface SearchedPosition {
  score: Score;
  best: string | null;
  source: EvalSource;
}

/**
 * Searches one position at `depth` (multipv 1) for a job. The seam where the position cache
 * goes (docs/design.md §9): the router version below always asks an engine.
 */
export type PositionSearch = (
  fen: string,
  depth: number,
  signal: AbortSignal,
  jobId: string,
) => Promise<SearchedPosition>;

/** What `routerSearch` needs: the gateway's router and its live timeouts. */
export interface RouterSearchDeps {
  router: Router;
  timeouts: () => { requestMs: number; deadlineMs: number };
  stillAnswering?: (spotUrl: string) => Promise<boolean>;
}

/** The evaluation in an engine's answer: its first line's score and its best move. */
export function toSearched(result: EngineResult, source: EvalSource): SearchedPosition {
  return { score: result.lines[0]?.score ?? { cp: 0 }, best: result.bestmove, source };
}

/**
 * A job position through the gateway's own router, as `POST /analyze` goes (health, breaker,
 * retries on another spot), marked `X-Priority: batch` so a spot serves interactive requests
 * first; the job's id is the correlation id, so spot logs name the job.
 */
export function routerSearch(deps: RouterSearchDeps): PositionSearch {
  return async (fen, depth, signal, jobId) => {
    const t = deps.timeouts();
    const res = await dispatchJson({ fen, depth, multipv: 1 }, {
      router: deps.router,
      timeoutMs: t.requestMs,
      deadlineMs: t.deadlineMs,
      signal,
      headers: { "X-Priority": "batch", "X-Correlation-ID": `job-${jobId}` },
      tried: [],
      stillAnswering: deps.stillAnswering,
    });
    return toSearched(JSON.parse(res.text) as EngineResult, "engine");
  };
}
