/** Most releases kept for Redis's return; each is one lease id. */
export const MAX_UNSENT = 10_000;

/**
 * Lease ids whose release Redis has not heard of (it was away), oldest first. Bounded: past
 * MAX_UNSENT the oldest is dropped, since its lease expires in Redis by its TTL anyway; an
 * outage can never grow it without limit.
 */
export class UnsentReleases {
  readonly #ids = new Set<string>();

  /** Adds an id to send once Redis is back. */
  add(id: string): void {
    this.#ids.add(id);
    if (this.#ids.size > MAX_UNSENT) this.#ids.delete(this.#ids.values().next().value!);
  }

  /** Drops an id (sent). */
  delete(id: string): void {
    this.#ids.delete(id);
  }

  /** How many are waiting. */
  get size(): number {
    return this.#ids.size;
  }

  /** The waiting ids, oldest first (a copy: sending may delete as it goes). */
  list(): string[] {
    return [...this.#ids];
  }
}
