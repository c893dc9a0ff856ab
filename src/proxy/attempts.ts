import { MAX_ATTEMPTS, type Outcome } from "../core/attempt-policy.ts";
import type { Router, SpotLease, TriedSpot } from "./router.ts";

/** Why an `Attempts` book handed out no further spot. */
export type StopReason = "attempts" | "budget" | "no_spot" | "deadline";

/**
 * One client request's attempt book (Envoy's router filter, tower's retry budget), shared by
 * the JSON and the stream paths: the spots excluded, the attempts made, the retry tokens
 * actually taken (given back exactly on dispose), and the overall deadline. Dispose it with
 * `using`: the budget's view of active requests and retries then balances by construction.
 */
export class Attempts implements Disposable {
  readonly exclude: Set<string> = new Set();
  count = 0;
  /** Set when `next` found no spot: why. */
  stopped?: StopReason;
  #tokens = 0;
  #disposed = false;
  readonly #deadlineAt: number;

  constructor(
    private readonly router: Router,
    readonly tried: TriedSpot[],
    deadlineMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.#deadlineAt = now() + deadlineMs;
    router.requestStarted();
  }

  /** Milliseconds left of the overall deadline. */
  remainingMs(): number {
    return Math.max(0, this.#deadlineAt - this.now());
  }

  /** Retry tokens this request holds. */
  get tokens(): number {
    return this.#tokens;
  }

  /**
   * The spot for the next attempt, or undefined (and `stopped` says why). Every attempt after
   * the first pays a retry token, except a resume's first pick (`free`): the stream that died
   * took its load with it, so resuming adds none.
   */
  next(free = false): SpotLease | undefined {
    if (this.count >= MAX_ATTEMPTS) return this.#stop("attempts");
    if (this.remainingMs() <= 0) return this.#stop("deadline");
    const reason = this.tried.at(-1)?.outcome ?? "first";
    const paid = this.count > 0 && !free;
    if (paid && !this.router.retryAllowed(reason)) return this.#stop("budget");
    const lease = this.router.acquire(this.exclude);
    if (!lease) return this.#stop("no_spot");
    if (paid) {
      this.router.takeRetry(reason);
      this.#tokens++;
    }
    this.exclude.add(lease.id);
    this.count++;
    return lease;
  }

  /** Settles an attempt: the lease's outcome, and a line for the request's log. */
  record(lease: SpotLease, outcome: Outcome, latencyMs: number): void {
    lease.finish(outcome, latencyMs);
    const line: TriedSpot = { spot: lease.id, outcome: outcome.kind, ms: Math.round(latencyMs) };
    if (outcome.kind === "busy") line.retryAfterS = outcome.retryAfterS;
    this.tried.push(line);
  }

  /** Ends the request: its retry tokens go back to the budget (once). */
  [Symbol.dispose](): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.router.requestEnded(this.#tokens);
  }

  #stop(reason: StopReason): undefined {
    this.stopped = reason;
    return undefined;
  }
}
