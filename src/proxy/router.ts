import type { Outcome } from "../core/attempt-policy.ts";

/** A spot handed out for one attempt; `finish` must be called exactly once. */
export interface SpotLease {
  id: string;
  url: string;
  /** Records the attempt's outcome (health, breaker, latency, counters); aborted counts for nothing. */
  finish(outcome: Outcome, latencyMs: number): void;
}

/** What a dispatcher asks of routing: a spot for the next attempt, and whether it may retry. */
export interface Router {
  /** The best usable spot not in `exclude`, or undefined when none is usable. */
  acquire(exclude: ReadonlySet<string>): SpotLease | undefined;
  /**
   * Whether one more attempt may go (counted either way). `budgeted: false` for resuming a
   * stream whose spot died: the dead stream's load is gone, so the resume adds none.
   */
  mayRetry(reason: string, budgeted?: boolean): boolean;
  /** Brackets a client request, for the retry budget's view of active requests. */
  requestStarted(): void;
  requestEnded(retriesSpent: number): void;
}

/** One attempt as it goes into a request's log line: which spot, and why it failed. */
export interface TriedSpot {
  spot: string;
  outcome: Outcome["kind"];
  ms: number;
}
