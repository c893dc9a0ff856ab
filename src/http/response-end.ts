import type { Context } from "hono";
import { releasing } from "../limits/releasing.ts";

/**
 * Runs `fn` once when the response is over: a JSON answer when the handler has returned, a
 * stream when its body ends (completed, failed or cancelled by the client). The engine route
 * announces its stream's end on the trace (`trace.ended`), so that body is not wrapped: each
 * wrapping layer is one more copy and one more hop before the client sees an event. Any other
 * event stream is wrapped; a JSON body is never touched (reading `res.body` of a text answer
 * turns it into a stream and takes it off Deno's fast path).
 */
export function onResponseEnd(c: Context, fn: () => void): void {
  const ended = c.get("trace")?.ended;
  if (ended) return void ended.then(fn, fn);
  const res = c.res;
  const streamed = res.headers.get("content-type")?.startsWith("text/event-stream");
  if (!streamed || !res.body) return fn();
  c.res = new Response(releasing(res.body, fn), res);
}
