import type { Outcome } from "../core/attempt-policy.ts";

/**
 * A spot handed out for one attempt. `finish` records the outcome once; disposing a lease
 * that was never finished records it as aborted, so a `using` lease cannot leak in-flight
 * counts or a half-open breaker's probe slot on any exit path.
 */
export interface SpotLease extends Disposable {
  id: string;
  url: string;
  /** Records the attempt's outcome (health, breaker, latency, counters); aborted counts for nothing. */
  finish(outcome: Outcome, latencyMs: number): void;
  /** Whether `finish` has been called. */
  readonly finished: boolean;
}

/** Why the fleet cannot take a request now: every candidate full, or none usable. */
export interface Unavailable {
  /** Every usable spot said it is full (back-pressure). */
  full: boolean;
  /** Seconds until a spot is likely to take the request (Retry-After). */
  retryAfterS: number;
}

/** What a dispatcher asks of routing: a spot for the next attempt, and the retry budget. */
export interface Router {
  /** The best usable spot not in `exclude`, or undefined when none is usable. */
  acquire(exclude: ReadonlySet<string>): SpotLease | undefined;
  /** Whether the retry budget has room for one more retry (reports a refusal). */
  retryAllowed(reason: string): boolean;
  /** Takes one retry from the budget (after `retryAllowed` said yes and a spot was found). */
  takeRetry(reason: string): void;
  /** Brackets a client request, for the retry budget's view of active requests. */
  requestStarted(): void;
  requestEnded(retriesSpent: number): void;
  /** Why no spot outside `exclude` could be had: full, or down, and for how long. */
  unavailable(exclude: ReadonlySet<string>): Unavailable;
}

/** One attempt as it goes into a request's log line: which spot, and why it failed. */
export interface TriedSpot {
  spot: string;
  outcome: Outcome["kind"];
  ms: number;
  /** For a `busy` outcome: the spot's Retry-After (s). */
  retryAfterS?: number;
}
