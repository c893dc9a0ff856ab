interface Task {
  rank: number;
  seq: number;
  start: () => void;
}

/**
 * The replica's one gate for job positions: at most `capacity()` searches in flight (the
 * fleet's engines, read anew each time, at least 1), the lowest rank first (single games
 * before batches), first come first served within a rank. A task whose signal aborts while it
 * waits leaves at once.
 */
export class FanOut {
  #waiting: Task[] = [];
  #running = 0;
  #seq = 0;
  constructor(private readonly capacity: () => number) {}

  /** Searches in flight now. */
  get running(): number {
    return this.#running;
  }

  /** Tasks waiting for room. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Runs `task` when there is room and nothing of a lower rank (or older) waits. */
  run<T>(rank: number, signal: AbortSignal, task: () => Promise<T>): Promise<T> {
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
      const entry: Task = {
        rank,
        seq: this.#seq++,
        start: () => {
          signal.removeEventListener("abort", leave);
          this.#running++;
          task().then(resolve, reject).finally(() => {
            this.#running--;
            this.#pump();
          });
        },
      };
      const leave = () => {
        this.#waiting = this.#waiting.filter((t) => t !== entry);
        reject(signal.reason);
      };
      signal.addEventListener("abort", leave, { once: true });
      const at = this.#waiting.findIndex((t) => t.rank > rank);
      this.#waiting.splice(at < 0 ? this.#waiting.length : at, 0, entry);
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#waiting.length > 0 && this.#running < Math.max(1, this.capacity())) {
      this.#waiting.shift()!.start();
    }
  }
}
