interface Task {
  rank: number;
  seq: number;
  start: () => void;
}

/**
 * The replica's one gate for job positions: at most `capacity()` searches in flight (the
 * fleet's engines, read anew each time, at least 1), the lowest rank first (single games
 * before batches), first come first served within a rank, a chain's next position first. A
 * task whose signal aborts while it waits leaves at once.
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

  /** Whether a task more urgent than `rank` waits (a chain of `rank` should give way). */
  urgentThan(rank: number): boolean {
    return (this.#waiting[0]?.rank ?? Infinity) < rank;
  }

  /** Searches allowed in flight now (the fleet's engines, at least 1). */
  get limit(): number {
    return Math.max(1, this.capacity());
  }

  /**
   * Runs `task` when there is room and nothing of a lower rank (or older) waits. `next`: the
   * task continues a chain of one game's positions, and goes before the others of its rank
   * (so the chain keeps its engine, and its hash, unless more urgent work waits).
   */
  run<T>(rank: number, signal: AbortSignal, task: () => Promise<T>, next = false): Promise<T> {
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
      const at = this.#waiting.findIndex((t) => (next ? t.rank >= rank : t.rank > rank));
      this.#waiting.splice(at < 0 ? this.#waiting.length : at, 0, entry);
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#waiting.length > 0 && this.#running < this.limit) {
      this.#waiting.shift()!.start();
    }
  }
}
