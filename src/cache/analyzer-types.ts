import type { EngineResult } from "../api/types.ts";
import type { Logger } from "../obs/log.ts";
import type { Flights } from "../proxy/coalesce-flights.ts";
import type { Router, TriedSpot } from "../proxy/router.ts";
import type { OpenedClientStream } from "../proxy/stream-types.ts";
import type { EngineTimeouts } from "../proxy/timeouts.ts";
import type { PositionCache } from "./cache.ts";
import type { CacheMetrics, CacheOutcome } from "./metrics.ts";

/** What the analyzer works with: routing, the live timeouts, and the cache when it is on. */
export interface AnalyzerDeps {
  router: Router;
  timeouts: () => EngineTimeouts;
  /** Whether a spot still answers its health check (asked when a JSON attempt timed out). */
  stillAnswering?: (spotUrl: string) => Promise<boolean>;
  /** The position cache; absent with CACHE=off (then nothing is looked up or joined). */
  cache?: PositionCache;
  /** The searches identical requests may join; absent: no coalescing. */
  flights?: Flights;
  metrics?: CacheMetrics;
}

/** One analysis's context: its client, the headers for spots, and its log line's figures. */
export interface AnalysisContext {
  /** Aborts when the client goes away (a job: when it is cancelled). */
  signal: AbortSignal;
  /** Headers forwarded to spots (correlation id, traceparent). */
  headers: Record<string, string>;
  /** Filled in with the attempts of a search this request started. */
  tried: TriedSpot[];
  log?: Logger;
  /** `Cache-Control: no-cache`: no lookup and no joining; the result is still stored. */
  noCache?: boolean;
}

/** A JSON answer: what to send, and how it was obtained. */
export interface JsonAnswer {
  cache: CacheOutcome;
  status: number;
  /** The EngineResult as JSON text (a spot's own text when it answered this request). */
  text: string;
  /** The spot that answered (none for a hit). */
  spot?: string;
  attempts: number;
  /** The answer parsed, when it is at hand (a hit, a joined stream search). */
  result?: EngineResult;
}

/** A stream answer: the body, and for a live one (not a hit) what the drain follows. */
export interface StreamAnswer {
  cache: CacheOutcome;
  spot?: string;
  attempts: number;
  body: ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer>;
  live?: OpenedClientStream;
}
