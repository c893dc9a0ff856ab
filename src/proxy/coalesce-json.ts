import { GatewayError } from "../errors/gateway-error.ts";
import type { DispatchResult } from "./dispatch.ts";

/** What a waiter leaving before the answer gets (its client has gone: nobody reads it). */
export function clientClosed(): GatewayError {
  return new GatewayError("invalid_request", "Client closed the request");
}

/**
 * Resolves with `p`, or rejects with `clientClosed()` as soon as `signal` aborts; the abort
 * listener is removed either way.
 */
export function untilAborted<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(clientClosed());
  let onAbort!: () => void;
  const gone = new Promise<never>((_, reject) => {
    onAbort = () => reject(clientClosed());
    signal.addEventListener("abort", onAbort, { once: true });
  });
  return Promise.race([p, gone]).finally(() => signal.removeEventListener("abort", onAbort));
}

/**
 * One `POST /analyze` search shared by identical JSON requests (coalescing): `run` is the
 * dispatcher, started once; every waiter gets its answer. The search is aborted only when
 * every waiter has left before it ended.
 */
export class JsonFlight {
  readonly done: Promise<DispatchResult>;
  readonly #abort = new AbortController();
  #waiting = 0;
  #settled = false;
  /** Waiters now waiting that did not start the search. */
  joiners = 0;

  constructor(run: (signal: AbortSignal) => Promise<DispatchResult>) {
    this.done = run(this.#abort.signal).finally(() => {
      this.#settled = true;
    });
    this.done.catch(() => {});
  }

  /** Whether every waiter left before the end (the search was stopped: no one may join). */
  get abandoned(): boolean {
    return this.#abort.signal.aborted;
  }

  /** Waits for the answer as one more waiter (`joined`: not the one that started it). */
  async wait(signal: AbortSignal, joined: boolean): Promise<DispatchResult> {
    this.#waiting++;
    if (joined) this.joiners++;
    try {
      return await untilAborted(this.done, signal);
    } finally {
      this.#waiting--;
      if (joined) this.joiners--;
      if (this.#waiting === 0 && !this.#settled) this.#abort.abort();
    }
  }
}
