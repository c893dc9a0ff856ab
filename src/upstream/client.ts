import type { Outcome } from "../core/attempt-policy.ts";
import type { AnalysisRequest, EngineResult } from "../api/types.ts";
import { classifyFetchError, classifyStatus } from "./fetch-outcome.ts";
import { post } from "./http-post.ts";

/** What one attempt needs: a deadline, the client's abort signal, headers to forward. */
export interface AttemptOptions {
  timeoutMs: number;
  signal: AbortSignal;
  headers: Record<string, string>;
}

/** One `POST /analyze` attempt: the outcome, and the body to relay when there is one. */
export interface JsonAttempt {
  outcome: Outcome;
  latencyMs: number;
  status?: number;
  body?: unknown;
  /** The answer's exact JSON text, relayed as is (no re-serialisation on the hot path). */
  text?: string;
}

function looksLikeResult(body: unknown): body is EngineResult {
  const r = body as EngineResult | null;
  return typeof r === "object" && r !== null && Array.isArray(r.lines) && "bestmove" in r;
}

/** Runs one `POST /analyze` on a spot; the whole answer must arrive within `timeoutMs`. */
export async function postAnalyze(
  baseUrl: string,
  req: AnalysisRequest,
  opts: AttemptOptions,
): Promise<JsonAttempt> {
  const started = performance.now();
  const since = () => performance.now() - started;
  try {
    const headers = { ...opts.headers, "content-type": "application/json" };
    const res = await post(`${baseUrl}/analyze`, JSON.stringify(req), headers, opts);
    const text = res.text;
    if (res.status !== 200) {
      const outcome = classifyStatus(res.status, res.retryAfter, text);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch { /* a spot's non-JSON error page is not relayed */ }
      return { outcome, latencyMs: since(), status: res.status, body, text };
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { outcome: { kind: "invalid" }, latencyMs: since() };
    }
    if (!looksLikeResult(body)) return { outcome: { kind: "invalid" }, latencyMs: since() };
    return { outcome: { kind: "ok" }, latencyMs: since(), status: 200, body, text };
  } catch (err) {
    return { outcome: classifyFetchError(err, opts.signal), latencyMs: since() };
  }
}
