import type { Outcome } from "../../../src/core/attempt-policy.ts";
import { RetryBudget } from "../../../src/core/attempt-policy.ts";
import type { Router, SpotLease, Unavailable } from "../../../src/proxy/router.ts";

/** A Router over named spots for unit tests: `free` lists those that can be acquired now. */
export class FakeRouter implements Router {
  readonly budget: RetryBudget = new RetryBudget(0.2, 1);
  readonly finished: { id: string; outcome: Outcome["kind"] }[] = [];
  inFlight = 0;
  constructor(public free: string[]) {}

  acquire(exclude: ReadonlySet<string>): SpotLease | undefined {
    const id = this.free.find((s) => !exclude.has(s));
    if (!id) return undefined;
    this.inFlight++;
    let finished = false;
    const finish = (outcome: Outcome) => {
      if (finished) return;
      finished = true;
      this.inFlight--;
      this.finished.push({ id, outcome: outcome.kind });
    };
    return {
      id,
      url: `http://127.0.0.1:1/${id}`,
      finish,
      get finished() {
        return finished;
      },
      [Symbol.dispose]: () => finish({ kind: "aborted" }),
    };
  }
  retryAllowed(): boolean {
    return this.budget.canRetry();
  }
  takeRetry(): void {
    this.budget.tryRetry();
  }
  requestStarted(): void {
    this.budget.requestStarted();
  }
  requestEnded(retries: number): void {
    this.budget.requestEnded(retries);
  }
  unavailable(): Unavailable {
    return { full: false, retryAfterS: 1 };
  }
}
