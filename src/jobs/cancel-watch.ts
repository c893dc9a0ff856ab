import { RunStopped } from "./runner-deps.ts";
import type { JobStore } from "./store.ts";

/**
 * Watches a running job for a cancel from any replica (its status turns `cancelled` in the
 * store): `signal` aborts with `RunStopped("cancelled")` then, or with `RunStopped("shutdown")`
 * when `outer` (the replica's own stop) aborts. Dispose it (`using`) to stop the polling.
 */
export class CancelWatch implements Disposable {
  readonly #ctl = new AbortController();
  readonly #timer: ReturnType<typeof setInterval>;
  readonly #onOuter = () => this.#ctl.abort(new RunStopped("shutdown"));
  #busy = false;

  constructor(
    private readonly store: JobStore,
    private readonly id: string,
    private readonly outer: AbortSignal,
    everyMs = 250,
  ) {
    if (outer.aborted) this.#onOuter();
    outer.addEventListener("abort", this.#onOuter, { once: true });
    this.#timer = setInterval(() => void this.check(), everyMs);
  }

  /** Aborts when the job is cancelled or the replica stops. */
  get signal(): AbortSignal {
    return this.#ctl.signal;
  }

  /** One look at the job's status (what the timer runs). */
  async check(): Promise<void> {
    if (this.#busy || this.#ctl.signal.aborted) return;
    this.#busy = true;
    try {
      const rec = await this.store.get(this.id);
      if (!rec || rec.status === "cancelled") this.#ctl.abort(new RunStopped("cancelled"));
    } catch {
      /* the store is away: look again at the next tick */
    } finally {
      this.#busy = false;
    }
  }

  [Symbol.dispose](): void {
    clearInterval(this.#timer);
    this.outer.removeEventListener("abort", this.#onOuter);
  }
}
