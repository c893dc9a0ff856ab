import type { EngineProcess } from "./engine.ts";
import { type Priority, WaitQueues } from "./wait-queues.ts";

export { busyError } from "./wait-queues.ts";
export type { Priority };

/**
 * Long-lived engines and bounded queues of waiting requests, interactive ones first. A batch
 * search's engine is taken over (`preemption`) when an interactive request would wait, so
 * batches never delay interactive work; idle of those, a one-engine spot still serves batches.
 * A broken engine is killed and replaced; its slot returns once the new one is ready.
 */
export class EnginePool {
  #idle: EngineProcess[] = [];
  readonly #waiting: WaitQueues<EngineProcess>;
  readonly #batchHeld = new Map<EngineProcess, AbortController>();
  #busy = 0;
  #stopped = false;
  constructor(
    readonly capacity: number,
    queueSize: number,
    private readonly spawn: () => Promise<EngineProcess>,
    private readonly onReplace: (err: unknown) => void = () => {},
  ) {
    this.#waiting = new WaitQueues(queueSize);
  }

  /** Starts every engine; resolves once all have answered their handshake. */
  async start(): Promise<void> {
    this.#idle = await Promise.all(Array.from({ length: this.capacity }, () => this.spawn()));
  }

  /** Engines searching right now. */
  get busy(): number {
    return this.#busy;
  }

  /** Whether a request of `priority` now would be refused (each priority has its own queue). */
  isFull(priority: Priority): boolean {
    return this.#idle.length === 0 && this.#waiting.isFull(priority);
  }

  /**
   * An idle engine, after waiting in the queue if needed; 503 `engine_busy` when it is full.
   * An interactive request that has to wait stops one batch search to take its engine.
   */
  async acquire(signal: AbortSignal, priority: Priority = "interactive"): Promise<EngineProcess> {
    let engine = this.#idle.pop();
    while (engine && !engine.alive) { // died while idle: replace it, try the next one
      this.#busy++;
      this.release(engine, true);
      engine = this.#idle.pop();
    }
    if (engine) this.#busy++;
    else {
      const waiting = this.#waiting.wait(priority, signal);
      if (priority === "interactive") this.#preemptOne();
      engine = await waiting;
    }
    if (priority === "batch") this.#batchHeld.set(engine, new AbortController());
    return engine;
  }

  /** Aborts when an interactive request takes this (batch-held) engine over; never otherwise. */
  preemption(engine: EngineProcess): AbortSignal {
    return this.#batchHeld.get(engine)?.signal ?? new AbortController().signal;
  }

  // One batch search stopped per interactive waiter, not one per call: no needless stops.
  #preemptOne(): void {
    const held = [...this.#batchHeld.values()];
    if (held.filter((c) => c.signal.aborted).length >= this.#waiting.count("interactive")) return;
    held.find((c) => !c.signal.aborted)?.abort();
  }

  /** Hands an engine back; a broken one (or a dead process) is killed and replaced. */
  release(engine: EngineProcess, broken = false): void {
    this.#batchHeld.delete(engine);
    if (!broken && engine.alive && !this.#stopped) return this.#handOut(engine);
    void engine.kill();
    if (this.#stopped) return void this.#busy--;
    this.spawn().then((fresh) => this.#handOut(fresh), (err) => {
      this.onReplace(err);
      this.#busy--;
    });
  }

  #handOut(engine: EngineProcess): void {
    if (this.#waiting.handTo(engine)) return;
    this.#busy--;
    this.#idle.push(engine);
  }

  /** Kills every idle engine; busy ones are killed as they come back. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#waiting.rejectAll();
    await Promise.all(this.#idle.splice(0).map((e) => e.kill()));
  }
}
