import type { AnalysisRequest, EngineResult } from "../api/types.ts";
import type { Reconnect } from "../sse/last-event-id.ts";
import { answerJson } from "./analyze-json.ts";
import { answerStream } from "./analyze-stream.ts";
import type { AnalysisContext, AnalyzerDeps, JsonAnswer, StreamAnswer } from "./analyzer-types.ts";

export type { AnalysisContext, AnalyzerDeps, JsonAnswer, StreamAnswer } from "./analyzer-types.ts";

/**
 * Every analysis goes through here: the position cache, then coalescing with identical
 * searches in flight, then the router (retries, failover, mid-stream resume). The engine
 * routes call `json` and `stream`; anything else in the gateway that needs an evaluation
 * (e.g. the game-analysis jobs of docs/design.md §10) calls `analyse`.
 */
export class Analyzer {
  constructor(readonly deps: AnalyzerDeps) {}

  /** `POST /analyze`: the answer's text and how it was obtained (X-Cache). */
  json(req: AnalysisRequest, ctx: AnalysisContext): Promise<JsonAnswer> {
    return answerJson(this.deps, req, ctx);
  }

  /** `GET /analyze/stream`: a hit's whole stream, or a live one (own or joined). */
  stream(req: AnalysisRequest, reconnect: Reconnect, ctx: AnalysisContext): Promise<StreamAnswer> {
    return answerStream(this.deps, req, reconnect, ctx);
  }

  /**
   * One position's EngineResult through cache + coalescing + router, for code that is not an
   * HTTP route (the jobs runner): a hit at once, else the shared or a new search, stored when
   * it completes. `signal` stops the wait (and the search, once no one else waits for it);
   * `req` must be validated (`parseAnalysisParams`). Throws the GatewayError a route would
   * answer with (e.g. `no_spot_available`).
   */
  async analyse(
    req: AnalysisRequest,
    ctx: Partial<AnalysisContext> & { signal: AbortSignal },
  ): Promise<EngineResult> {
    const answer = await this.json(req, { headers: {}, tried: [], ...ctx });
    return answer.result ?? JSON.parse(answer.text);
  }
}
