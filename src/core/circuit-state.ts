/** The breaker's public vocabulary: its states and the permit it grants. */

/** The three circuit states; numbered 0/1/2 for `spotgate_circuit_state`. */
export type CircuitState = "closed" | "half_open" | "open";

/** `spotgate_circuit_state` value of a state: 0 closed, 1 half-open, 2 open. */
export function circuitNumber(state: CircuitState): 0 | 1 | 2 {
  return state === "closed" ? 0 : state === "half_open" ? 1 : 2;
}

/** A granted attempt; `done` reports its outcome (ignored if the breaker moved on meanwhile). */
export interface Permit {
  done(ok: boolean, now: number): void;
  /** Gives the permit back with no outcome (the client left): frees a half-open probe slot. */
  cancel(): void;
}
