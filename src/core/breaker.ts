import type { CircuitState, Permit } from "./circuit-state.ts";

export { circuitNumber, type CircuitState, type Permit } from "./circuit-state.ts";

type Inner =
  | { state: "closed"; failures: number; trips: 0 }
  | { state: "open"; until: number; trips: number }
  | { state: "half_open"; probing: boolean; trips: number };

/** Breaker settings; defaults: 5 failures, 30 s cool-down doubling per failed probe, 5 min cap. */
export interface BreakerOptions {
  failureThreshold?: number;
  baseCooldownMs?: number;
  maxCooldownMs?: number;
  random?: () => number;
  onTransition?: (from: CircuitState, to: CircuitState) => void;
}

/**
 * A circuit breaker in sony/gobreaker's shape: no timers (state advances when read), generations
 * discard late outcomes of attempts from before a change; half-open admits one probe.
 */
export class CircuitBreaker {
  #s: Inner = { state: "closed", failures: 0, trips: 0 };
  #generation = 0;
  readonly #o: Required<BreakerOptions>;

  constructor(options: BreakerOptions = {}) {
    const defaults = { failureThreshold: 5, baseCooldownMs: 30_000, maxCooldownMs: 300_000 };
    this.#o = { ...defaults, random: Math.random, onTransition: () => {}, ...options };
  }

  /** The state at `now` (open turns half-open once its cool-down has passed). */
  state(now: number): CircuitState {
    if (this.#s.state === "open" && now >= this.#s.until) this.heal();
    return this.#s.state;
  }

  /** Milliseconds left of an open cool-down at `now` (0 when not open). */
  openForMs(now: number): number {
    return this.#s.state === "open" ? Math.max(0, this.#s.until - now) : 0;
  }

  /** Ends an open cool-down now (also on a passing active check): the next attempt probes. */
  heal(): void {
    const s = this.#s;
    if (s.state === "open") this.#move({ state: "half_open", probing: false, trips: s.trips });
  }

  /** Whether an attempt may go now, without taking a permit (the selector's question). */
  canAllow(now: number): boolean {
    const s = this.state(now);
    return s === "closed" || (this.#s.state === "half_open" && !this.#s.probing);
  }

  /** A permit for one attempt, or null while open (or while half-open's probe is out). */
  allow(now: number): Permit | null {
    if (!this.canAllow(now)) return null;
    if (this.#s.state === "half_open") this.#s.probing = true;
    const generation = this.#generation;
    const current = () => generation === this.#generation;
    return {
      done: (ok, at) => current() && this.#record(ok, at),
      cancel: () => {
        if (current() && this.#s.state === "half_open") this.#s.probing = false;
      },
    };
  }

  #record(ok: boolean, now: number): void {
    const s = this.#s;
    if (ok) {
      if (s.state === "closed") s.failures = 0;
      else this.#move({ state: "closed", failures: 0, trips: 0 });
      return;
    }
    if (s.state === "closed" && ++s.failures < this.#o.failureThreshold) return;
    this.#trip(now, s.trips + 1);
  }

  #trip(now: number, trips: number): void {
    const raw = this.#o.baseCooldownMs * 2 ** (trips - 1);
    const jitter = 0.9 + 0.2 * this.#o.random();
    const until = now + Math.min(this.#o.maxCooldownMs, raw) * jitter;
    this.#move({ state: "open", until, trips });
  }

  #move(next: Inner): void {
    const from = this.#s.state;
    this.#s = next;
    this.#generation++;
    if (from !== next.state) this.#o.onTransition(from, next.state);
  }
}
