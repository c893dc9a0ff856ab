import { type SpotHooks, SpotRecord, type SpotSettings } from "./spot.ts";

/**
 * Spots by id. `apply` takes a new config the way Caddy's hosts.LoadOrStore does: a spot whose
 * id stays keeps its health, latency and breaker state; a new one starts unknown (slow start);
 * a dropped one is marked removed, gets no new requests and is forgotten once idle.
 */
export class SpotPool {
  #spots = new Map<string, SpotRecord>();
  constructor(private readonly hooks: SpotHooks = {}, private readonly random = Math.random) {}

  /** Applies a validated spot list; returns the ids added and removed. */
  apply(settings: SpotSettings[], now: number): { added: string[]; removed: string[] } {
    const added: string[] = [], removed: string[] = [];
    const ids = new Set(settings.map((s) => s.id));
    for (const s of settings) {
      const known = this.#spots.get(s.id);
      if (known) {
        known.settings = s;
        known.removed = false;
      } else {
        this.#spots.set(s.id, new SpotRecord(s, now, this.hooks, this.random));
        added.push(s.id);
      }
    }
    for (const spot of this.#spots.values()) {
      if (!ids.has(spot.id) && !spot.removed) {
        spot.removed = true;
        removed.push(spot.id);
      }
    }
    this.sweep();
    return { added, removed };
  }

  /** Forgets removed spots that have nothing in flight any more. */
  sweep(): void {
    for (const [id, spot] of this.#spots) {
      if (spot.removed && spot.inFlight === 0) this.#spots.delete(id);
    }
  }

  /** The spot with this id (a removed one while it drains), or undefined. */
  get(id: string): SpotRecord | undefined {
    return this.#spots.get(id);
  }

  /** Every known spot, removed-but-draining ones included. */
  list(): SpotRecord[] {
    return [...this.#spots.values()];
  }

  /** The configured spots (not removed). */
  active(): SpotRecord[] {
    return this.list().filter((s) => !s.removed);
  }
}
