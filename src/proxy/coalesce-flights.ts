import type { StreamHub } from "./coalesce-hub.ts";
import type { JsonFlight } from "./coalesce-json.ts";

/** A shared search of either kind: what the registry needs to know of it. */
interface Shared {
  readonly abandoned: boolean;
  readonly joiners: number;
}

function register<T extends Shared>(
  map: Map<string, T>,
  key: string,
  s: T,
  until: Promise<unknown>,
) {
  const there = map.get(key);
  if (there && !there.abandoned) return; // a search of its own: not joinable by others
  map.set(key, s);
  const remove = () => {
    if (map.get(key) === s) map.delete(key);
  };
  until.then(remove, remove);
}

function joinable<T extends Shared>(map: Map<string, T>, key: string, max: number): T | undefined {
  const s = map.get(key);
  return s && !s.abandoned && s.joiners < max ? s : undefined;
}

/**
 * The searches running now that identical requests may join (docs/design.md §9), by flight
 * key: stream searches (a StreamHub, which JSON requests can join too) and JSON searches. A
 * search stays joinable until its result is stored, then leaves; one that every client left
 * is not joinable. At most `maxWaiters` (COALESCE_MAX_WAITERS, default 1000; 0 turns joining
 * off) join one search: past that, a request runs its own, which is not registered.
 */
export class Flights {
  readonly #streams = new Map<string, StreamHub>();
  readonly #json = new Map<string, JsonFlight>();

  constructor(readonly maxWaiters: number) {}

  /** A stream search to join, or undefined (none, stopped, or full). */
  hub(key: string): StreamHub | undefined {
    return joinable(this.#streams, key, this.maxWaiters);
  }

  /** A JSON search to join, or undefined. */
  json(key: string): JsonFlight | undefined {
    return joinable(this.#json, key, this.maxWaiters);
  }

  /** Makes `hub` joinable under `key` until `until` settles (unless another is joinable). */
  addHub(key: string, hub: StreamHub, until: Promise<unknown>): void {
    register(this.#streams, key, hub, until);
  }

  /** Makes `flight` joinable under `key` until `until` settles (unless another is joinable). */
  addJson(key: string, flight: JsonFlight, until: Promise<unknown>): void {
    register(this.#json, key, flight, until);
  }

  /** Clients now joined to a search they did not start (`spotgate_coalesced_waiters`). */
  waiters(): number {
    let n = 0;
    for (const s of this.#streams.values()) n += s.joiners;
    for (const s of this.#json.values()) n += s.joiners;
    return n;
  }

  /** Searches now registered (streams, JSON), for `/healthz`. */
  size(): { streams: number; json: number } {
    return { streams: this.#streams.size, json: this.#json.size };
  }
}
