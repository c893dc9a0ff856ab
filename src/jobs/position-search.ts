import type { EngineResult, Score } from "../api/types.ts";
import type { SpotPool } from "../core/pool.ts";
import { dispatchJson } from "../proxy/dispatch.ts";
import type { Router } from "../proxy/router.ts";
import { StickyRouter } from "./sticky-router.ts";
import type { PositionCache } from "../cache/cache.ts";

/** Where an evaluation came from: a spot's engine, or the gateway's position cache. */
export type EvalSource = "engine" | "cache";

/** One searched position: the side to move's score, the best move, where it came from. */
export interface SearchedPosition {
  score: Score;
  best: string | null;
  source: EvalSource;
  /** The spot that searched it (the next position of the chain prefers it). */
  spot?: string;
}

/**
 * Searches one position at `depth` (multipv 1) for a job, on spot `prefer` when it can.
 */
export type PositionSearch = (
  fen: string,
  depth: number,
  signal: AbortSignal,
  jobId: string,
  prefer?: string,
) => Promise<SearchedPosition>;

/** What `routerSearch` needs: the gateway's router, its pool and its live timeouts. */
export interface RouterSearchDeps {
  router: Router;
  pool: SpotPool;
  timeouts: () => { requestMs: number; deadlineMs: number };
  stillAnswering?: (spotUrl: string) => Promise<boolean>;
  /** The position cache (absent with CACHE=off): looked up first, fed every result. */
  cache?: PositionCache;
}

/** The evaluation in an engine's answer: its first line's score and its best move. */
export function toSearched(
  result: EngineResult,
  source: EvalSource,
  spot?: string,
): SearchedPosition {
  return { score: result.lines[0]?.score ?? { cp: 0 }, best: result.bestmove, source, spot };
}

/**
 * A job position from the position cache when it holds one at least as deep (a game analysed
 * again, games sharing an opening, a position someone analysed interactively), else through
 * the gateway's own router, as `POST /analyze` goes (health, breaker, retries on another spot),
 * marked `X-Priority: batch` so a spot serves interactive requests first; the job's id is the
 * correlation id, so spot logs name the job. A searched result is stored for everyone.
 */
export function routerSearch(deps: RouterSearchDeps): PositionSearch {
  return async (fen, depth, signal, jobId, prefer) => {
    const hit = await deps.cache?.lookup({ fen, depth, multipv: 1 });
    if (hit) return toSearched(hit, "cache");
    const t = deps.timeouts();
    const res = await dispatchJson({ fen, depth, multipv: 1 }, {
      router: prefer ? new StickyRouter(deps.router, deps.pool, prefer) : deps.router,
      timeoutMs: t.requestMs,
      deadlineMs: t.deadlineMs,
      signal,
      headers: { "X-Priority": "batch", "X-Correlation-ID": `job-${jobId}` },
      tried: [],
      stillAnswering: deps.stillAnswering,
    });
    const result = JSON.parse(res.text) as EngineResult;
    deps.cache?.save(fen, result).catch(() => {}); // a store never holds the job up
    return toSearched(result, "engine", res.spot);
  };
}
