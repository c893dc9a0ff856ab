import { GatewayError } from "../errors/gateway-error.ts";
import type { EngineProcess } from "./engine.ts";

/** 503 `engine_busy`: every engine busy and the queue full. */
export function busyError(): GatewayError {
  return new GatewayError("engine_busy", "Every engine is busy and the queue is full", {
    hint: "Retry after the Retry-After delay",
    retryAfter: 1,
  });
}

/**
 * A fixed number of long-lived engines and a bounded FIFO queue of waiting requests. An engine
 * handed back as broken is killed and replaced; its slot returns once the new one is ready.
 */
export class EnginePool {
  #idle: EngineProcess[] = [];
  #waiting: { resolve: (e: EngineProcess) => void; reject: (e: Error) => void }[] = [];
  #busy = 0;
  #stopped = false;

  constructor(
    readonly capacity: number,
    private readonly queueSize: number,
    private readonly spawn: () => Promise<EngineProcess>,
    private readonly onReplace: (err: unknown) => void = () => {},
  ) {}

  /** Starts every engine; resolves once all have answered their handshake. */
  async start(): Promise<void> {
    this.#idle = await Promise.all(Array.from({ length: this.capacity }, () => this.spawn()));
  }

  /** Engines searching right now. */
  get busy(): number {
    return this.#busy;
  }

  /** Whether a request now would be refused: no idle engine and the queue is full. */
  get full(): boolean {
    return this.#idle.length === 0 && this.#waiting.length >= this.queueSize;
  }

  /** An idle engine, after waiting in the queue if needed; 503 `engine_busy` when it is full. */
  acquire(signal: AbortSignal): Promise<EngineProcess> {
    let engine = this.#idle.pop();
    while (engine && !engine.alive) { // died while idle: replace it, try the next one
      this.#busy++;
      this.release(engine, true);
      engine = this.#idle.pop();
    }
    if (engine) {
      this.#busy++;
      return Promise.resolve(engine);
    }
    if (this.#waiting.length >= this.queueSize) return Promise.reject(busyError());
    return new Promise((resolve, reject) => {
      const waiter = { resolve, reject };
      this.#waiting.push(waiter);
      signal.addEventListener("abort", () => {
        const i = this.#waiting.indexOf(waiter);
        if (i >= 0) this.#waiting.splice(i, 1);
        reject(new GatewayError("invalid_request", "Client went away while queued"));
      }, { once: true });
    });
  }

  /** Hands an engine back; a broken one (or a dead process) is killed and replaced. */
  release(engine: EngineProcess, broken = false): void {
    if (!broken && engine.alive && !this.#stopped) return this.#handOut(engine);
    void engine.kill();
    if (this.#stopped) return void this.#busy--;
    this.spawn().then((fresh) => this.#handOut(fresh), (err) => {
      this.onReplace(err);
      this.#busy--;
    });
  }

  #handOut(engine: EngineProcess): void {
    const next = this.#waiting.shift();
    if (next) return next.resolve(engine);
    this.#busy--;
    this.#idle.push(engine);
  }

  /** Kills every idle engine; busy ones are killed as they come back. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const w of this.#waiting.splice(0)) w.reject(new GatewayError("engine_busy", "Stopping"));
    await Promise.all(this.#idle.splice(0).map((e) => e.kill()));
  }
}
