import { GatewayError } from "../errors/gateway-error.ts";

/** Who a request is for: an app's user waiting (default), or a job's background position. */
export type Priority = "interactive" | "batch";

/** 503 `engine_busy`: every engine busy and the queue full. */
export function busyError(): GatewayError {
  return new GatewayError("engine_busy", "Every engine is busy and the queue is full", {
    hint: "Retry after the Retry-After delay",
    retryAfter: 1,
  });
}

interface Waiter<T> {
  resolve: (item: T) => void;
  reject: (err: Error) => void;
}

/**
 * The spot's waiting requests: one bounded FIFO per priority (each of `size`, so batch work
 * queued on a spot never fills the room interactive requests wait in); a freed engine goes to
 * the oldest interactive waiter first, then to the oldest batch one.
 */
export class WaitQueues<T> {
  readonly #queues: Record<Priority, Waiter<T>[]> = { interactive: [], batch: [] };
  constructor(private readonly size: number) {}

  /** Waiters of `priority` now. */
  count(priority: Priority): number {
    return this.#queues[priority].length;
  }

  /** Whether the queue of `priority` has no room left. */
  isFull(priority: Priority): boolean {
    return this.#queues[priority].length >= this.size;
  }

  /**
   * Waits for an item (503 `engine_busy` at once when the queue is full); a waiter whose
   * `signal` aborts leaves the queue and is rejected.
   */
  wait(priority: Priority, signal: AbortSignal): Promise<T> {
    const queue = this.#queues[priority];
    if (queue.length >= this.size) return Promise.reject(busyError());
    return new Promise((resolve, reject) => {
      const waiter = { resolve, reject };
      queue.push(waiter);
      signal.addEventListener("abort", () => {
        const i = queue.indexOf(waiter);
        if (i >= 0) queue.splice(i, 1);
        reject(new GatewayError("invalid_request", "Client went away while queued"));
      }, { once: true });
    });
  }

  /** Gives `item` to the next waiter (interactive first); false when nobody waits. */
  handTo(item: T): boolean {
    const next = this.#queues.interactive.shift() ?? this.#queues.batch.shift();
    if (!next) return false;
    next.resolve(item);
    return true;
  }

  /** Rejects every waiter with 503 `engine_busy` (the spot is stopping). */
  rejectAll(): void {
    const err = new GatewayError("engine_busy", "Stopping");
    for (const q of Object.values(this.#queues)) for (const w of q.splice(0)) w.reject(err);
  }
}
