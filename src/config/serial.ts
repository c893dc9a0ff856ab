/**
 * Runs an async task one at a time: a call while it runs asks for exactly one more run after
 * it (with the latest argument), however many calls come meanwhile. Every returned promise
 * settles when the runs it asked for are done. Two config loads never overlap this way, and a
 * change seen during a load is never lost.
 */
export class Serial<A> {
  #running?: Promise<void>;
  #again?: { arg: A };

  constructor(private readonly task: (arg: A) => Promise<void>) {}

  /** Whether a run is going on. */
  get busy(): boolean {
    return this.#running !== undefined;
  }

  /** Runs the task now, or once more after the current run. */
  run(arg: A): Promise<void> {
    if (this.#running) {
      this.#again = { arg };
      return this.#running;
    }
    this.#running = this.#loop(arg).finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #loop(first: A): Promise<void> {
    let next: { arg: A } | undefined = { arg: first };
    while (next) {
      this.#again = undefined;
      try {
        await this.task(next.arg);
      } finally {
        next = this.#again;
      }
    }
  }
}
