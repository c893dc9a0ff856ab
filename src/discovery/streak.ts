import type { Logger } from "../obs/log.ts";

/**
 * A resolver's failures, logged once per streak: the first failure is a warn line, later ones
 * are silent until a success, which is logged (info) when it ends a streak.
 */
export class FailureStreak {
  #failing = false;

  constructor(private readonly log: Logger, private readonly name: string) {}

  /** A failed resolution; `keeping` is the size of the set that stays in force. */
  failed(error: string, keeping: number): void {
    if (!this.#failing) {
      this.log.warn("spot discovery failed, keeping the last good spots", {
        name: this.name,
        error,
        spots: keeping,
      });
    }
    this.#failing = true;
  }

  /** A resolution that worked, with the size of the set it found. */
  succeeded(spots: number): void {
    if (this.#failing) this.log.info("spot discovery recovered", { name: this.name, spots });
    this.#failing = false;
  }
}
