import type { AnalysisRequest } from "../api/types.ts";
import { dispatchJson, type DispatchResult } from "../proxy/dispatch.ts";
import type { StreamHub } from "../proxy/coalesce-hub.ts";
import { JsonFlight, untilAborted } from "../proxy/coalesce-json.ts";
import { storable } from "./entry.ts";
import { errorOf, resultOf } from "./hub-result.ts";
import { flightKey } from "./key.ts";
import type { CacheOutcome } from "./metrics.ts";
import { tagged } from "./tag.ts";
import type { AnalysisContext, AnalyzerDeps, JsonAnswer } from "./analyzer-types.ts";

function answer(r: DispatchResult, cache: CacheOutcome): JsonAnswer {
  return { cache, status: r.status, text: r.text, spot: r.spot, attempts: r.attempts };
}

// A JSON request joined to a stream search waits for its end and answers with its result.
async function joinHub(hub: StreamHub, ctx: AnalysisContext): Promise<JsonAnswer> {
  hub.join({ end: () => {}, left: ctx.signal });
  const end = await untilAborted(hub.ended, ctx.signal);
  if (!end.opened) await hub.opened; // the search never opened: its error
  const result = end.completed ? resultOf(end.log) : undefined;
  if (!result) throw errorOf(end.log);
  const attempts = end.opened!.attempts.count;
  const text = JSON.stringify(result);
  return { cache: "coalesced", status: 200, text, spot: end.opened!.spot, attempts, result };
}

async function save(d: AnalyzerDeps, fen: string, r: DispatchResult): Promise<void> {
  const result = JSON.parse(r.text);
  if (storable(result)) await d.cache?.save(fen, result);
}

/**
 * `POST /analyze` through the cache: a hit answers at once; else the request joins an
 * identical search in flight (a stream's or a JSON one), or starts one that others may join
 * and whose result is stored. With the cache off it is the plain dispatcher.
 */
export async function answerJson(
  d: AnalyzerDeps,
  req: AnalysisRequest,
  ctx: AnalysisContext,
): Promise<JsonAnswer> {
  const t = d.timeouts();
  const run = (signal: AbortSignal) =>
    dispatchJson(req, {
      router: d.router,
      timeoutMs: t.requestMs,
      deadlineMs: t.deadlineMs,
      signal,
      headers: ctx.headers,
      tried: ctx.tried,
      stillAnswering: d.stillAnswering,
      log: ctx.log,
    });
  if (!d.cache) return answer(await tagged(run(ctx.signal), "bypass"), "bypass");
  const cached = ctx.noCache ? undefined : await d.cache.lookup(req);
  if (cached) {
    d.metrics?.count("hit");
    return { cache: "hit", status: 200, text: JSON.stringify(cached), attempts: 0, result: cached };
  }
  const key = flightKey(req);
  const hub = ctx.noCache ? undefined : d.flights?.hub(key);
  const joined = ctx.noCache ? undefined : d.flights?.json(key);
  if (hub || joined) d.metrics?.count("coalesced");
  if (hub) return await tagged(joinHub(hub, ctx), "coalesced");
  if (joined) return answer(await tagged(joined.wait(ctx.signal, true), "coalesced"), "coalesced");
  const outcome = ctx.noCache ? "bypass" : "miss";
  d.metrics?.count(outcome);
  const flight = new JsonFlight(run);
  // Joinable until the result is stored: a request in between joins instead of missing.
  const stored = flight.done.then((r) => save(d, req.fen, r)).catch(() => {});
  d.flights?.addJson(key, flight, stored);
  return answer(await tagged(flight.wait(ctx.signal, false), outcome), outcome);
}
