import type { Logger } from "../obs/log.ts";
import type { TriedSpot } from "../proxy/router.ts";
import type { StreamStats } from "../proxy/stream-types.ts";

/** What a request did, filled in by handlers and written by the request log at the end. */
export interface RequestTrace {
  route: string;
  tried: TriedSpot[];
  stream?: StreamStats;
  /** For a streamed answer: settles when the stream ends (completed, failed or cancelled). */
  ended?: Promise<unknown>;
  user?: string;
  /** How the cache answered (`X-Cache`): hit, miss, coalesced, bypass. */
  cache?: string;
}

/** Typed context variables shared by every middleware (Hono's ContextVariableMap pattern). */
declare module "hono" {
  interface ContextVariableMap {
    correlationId: string;
    traceparent: string;
    log: Logger;
    trace: RequestTrace;
  }
}

/** The header names a correlation id is read from, in order of preference. */
export const CORRELATION_HEADERS = ["x-correlation-id", "x-request-id"] as const;
