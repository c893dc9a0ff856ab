import type { EngineResult } from "../api/types.ts";

/**
 * Where entries live: memory (one replica) or Redis (shared). `put` writes one result under
 * every key it serves, each kept only where it `replaces` the entry there (depth-monotone),
 * atomically per key. Implementations never throw on the request path: a store in trouble
 * answers `get` with undefined (a miss) and drops a `put`.
 */
export interface CacheStore {
  /** `memory` or `redis`. */
  readonly backend: "memory" | "redis";
  get(key: string): Promise<EngineResult | undefined>;
  put(keys: string[], entry: EngineResult): Promise<void>;
  /** Entries held (for Redis: the last count it gave, refreshed by this call). */
  entries(): Promise<number>;
  /** Whether the store answers now (always true in memory). */
  up(): boolean;
  close(): Promise<void>;
}
