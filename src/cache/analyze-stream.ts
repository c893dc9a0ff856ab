import type { AnalysisRequest } from "../api/types.ts";
import { HubClient } from "../proxy/coalesce-client.ts";
import { StreamHub } from "../proxy/coalesce-hub.ts";
import { dispatchStream } from "../proxy/dispatch-stream.ts";
import type { OpenedClientStream, StreamOptions } from "../proxy/stream-types.ts";
import type { Reconnect } from "../sse/last-event-id.ts";
import type { AnalysisContext, AnalyzerDeps, StreamAnswer } from "./analyzer-types.ts";
import { hitStream } from "./hit-stream.ts";
import { resultOf } from "./hub-result.ts";
import { flightKey } from "./key.ts";
import type { CacheOutcome } from "./metrics.ts";
import { tagged } from "./tag.ts";

function options(d: AnalyzerDeps, ctx: AnalysisContext, reconnect: Reconnect): StreamOptions {
  const t = d.timeouts();
  return {
    router: d.router,
    timeoutMs: t.requestMs,
    idleMs: t.idleMs,
    keepAliveMs: t.keepAliveMs,
    signal: ctx.signal,
    headers: ctx.headers,
    tried: ctx.tried,
    resumeAfter: reconnect.kind === "resume" ? reconnect.after : undefined,
    log: ctx.log,
  };
}

function live(opened: OpenedClientStream, cache: CacheOutcome): StreamAnswer {
  return {
    cache,
    spot: opened.spot,
    attempts: opened.attempts.count,
    body: opened.body,
    live: opened,
  };
}

// A hub's client as the route's answer, once the shared search has opened a spot (or thrown).
async function answerOf(hub: StreamHub, client: HubClient, cache: CacheOutcome) {
  const opened = await tagged(hub.opened, cache);
  const stream: OpenedClientStream = {
    ...opened,
    body: client.sink.body,
    stats: client.stats,
    done: client.done,
    terminate: (error) => client.terminate(error),
  };
  return live(stream, cache);
}

/**
 * `GET /analyze/stream` through the cache: a hit is the whole stream at once; else the client
 * joins an identical stream search in flight (the events so far, then the live ones), or
 * starts one (a StreamHub over the dispatcher) that others may join and whose result is
 * stored. A reconnect resuming after an event runs a search of its own (its ledger drops what
 * it has, so its stream is not another client's). With the cache off: the plain dispatcher.
 */
export async function answerStream(
  d: AnalyzerDeps,
  req: AnalysisRequest,
  reconnect: Reconnect,
  ctx: AnalysisContext,
): Promise<StreamAnswer> {
  const opts = options(d, ctx, reconnect);
  if (!d.cache) return live(await tagged(dispatchStream(req, opts), "bypass"), "bypass");
  const cached = ctx.noCache ? undefined : await d.cache.lookup(req);
  if (cached) {
    d.metrics?.count("hit");
    return { cache: "hit", attempts: 0, body: hitStream(cached, reconnect) };
  }
  const key = flightKey(req);
  const shared = !ctx.noCache && !opts.resumeAfter;
  const running = shared ? d.flights?.hub(key) : undefined;
  if (running) {
    d.metrics?.count("coalesced");
    const client = new HubClient(opts.keepAliveMs, ctx.signal, false);
    running.join(client);
    return await answerOf(running, client, "coalesced");
  }
  const outcome = ctx.noCache ? "bypass" : "miss";
  d.metrics?.count(outcome);
  const client = new HubClient(opts.keepAliveMs, ctx.signal, true);
  // The clients keep themselves alive; the shared stream's own keep-alive stays silent.
  const inner = { ...opts, keepAliveMs: Infinity };
  const hub = new StreamHub((signal) => dispatchStream(req, { ...inner, signal }), client);
  const stored = hub.ended.then((end) => {
    const result = end.completed ? resultOf(end.log) : undefined;
    return result && d.cache?.save(req.fen, result);
  }).catch(() => {});
  if (!opts.resumeAfter) d.flights?.addHub(key, hub, stored);
  return await answerOf(hub, client, outcome);
}
