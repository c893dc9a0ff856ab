/** How one upstream attempt ended, classified once (Caddy's typed errors, as data). */
export type Outcome =
  | { kind: "ok" }
  | { kind: "connect_error" }
  | { kind: "timeout" }
  | { kind: "http_5xx"; status: number }
  | { kind: "http_4xx"; status: number }
  | { kind: "invalid" }
  | { kind: "stream_cut" }
  | { kind: "aborted" }
  /** The spot is full (503 `engine_busy`): back-pressure, not sickness. */
  | { kind: "busy"; retryAfterS: number }
  /** Past the deadline while the spot still answered its health check: a deep search. */
  | { kind: "slow" };

/** An outcome's name, as in the `outcome` label of `spotgate_upstream_requests_total`. */
export type OutcomeKind = Outcome["kind"];

const NOT_THE_SPOTS_FAULT = new Set<OutcomeKind>(["ok", "http_4xx", "aborted", "busy", "slow"]);

/**
 * The spot's fault: counts against its health and breaker. A 4xx is the request's fault; a
 * full spot (`busy`) is back-pressure; a search that is merely deep (`slow`) is the work's.
 */
export function isSpotFailure(kind: OutcomeKind): boolean {
  return !NOT_THE_SPOTS_FAULT.has(kind);
}

/**
 * Worth another spot (docs/design.md §4): every spot failure, and a full spot (another may have
 * room); never a 4xx, a departed client, or a deep search (it would be as deep elsewhere).
 */
export function isRetryable(kind: OutcomeKind): boolean {
  return isSpotFailure(kind) || kind === "busy";
}

/** Maximum attempts per request, each on a distinct spot (docs/design.md §7). */
export const MAX_ATTEMPTS = 3;

/**
 * A retry budget (Finagle/Linkerd style): retries in flight at most `ratio` of active
 * requests, with a floor of `min`, so that a sick fleet is not hammered by retry storms.
 */
export class RetryBudget {
  #active = 0;
  #retries = 0;
  constructor(private readonly ratio = 0.2, private readonly min = 3) {}

  /** A client request began. */
  requestStarted(): void {
    this.#active++;
  }

  /** A client request ended, with the retries it spent. */
  requestEnded(retriesSpent: number): void {
    this.#active = Math.max(0, this.#active - 1);
    this.#retries = Math.max(0, this.#retries - retriesSpent);
  }

  /** Whether one more retry fits in the budget now (takes nothing). */
  canRetry(): boolean {
    return this.#retries + 1 <= Math.max(this.min, Math.floor(this.#active * this.ratio));
  }

  /** Takes one retry from the budget; false when it is spent. */
  tryRetry(): boolean {
    if (!this.canRetry()) return false;
    this.#retries++;
    return true;
  }

  /** Retries currently charged against the budget. */
  get inUse(): number {
    return this.#retries;
  }
}
