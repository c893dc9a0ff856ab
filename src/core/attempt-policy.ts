/** How one upstream attempt ended, classified once (Caddy's typed errors, as data). */
export type Outcome =
  | { kind: "ok" }
  | { kind: "connect_error" }
  | { kind: "timeout" }
  | { kind: "http_5xx"; status: number }
  | { kind: "http_4xx"; status: number }
  | { kind: "invalid" }
  | { kind: "stream_cut" }
  | { kind: "aborted" };

/** An outcome's name, as in the `outcome` label of `spotgate_upstream_requests_total`. */
export type OutcomeKind = Outcome["kind"];

/** The spot's fault: counts against its health and breaker. A 4xx is the request's fault. */
export function isSpotFailure(kind: OutcomeKind): boolean {
  return kind !== "ok" && kind !== "http_4xx" && kind !== "aborted";
}

/** Worth another spot (DESIGN §4): every spot failure; never a 4xx or a departed client. */
export function isRetryable(kind: OutcomeKind): boolean {
  return isSpotFailure(kind);
}

/** Maximum attempts per request, each on a distinct spot (DESIGN §7). */
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

  /** Takes one retry from the budget; false when it is spent. */
  tryRetry(): boolean {
    if (this.#retries + 1 > Math.max(this.min, Math.floor(this.#active * this.ratio))) return false;
    this.#retries++;
    return true;
  }

  /** Retries currently charged against the budget. */
  get inUse(): number {
    return this.#retries;
  }
}
