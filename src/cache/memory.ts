import { LRUCache } from "lru-cache";
import type { EngineResult } from "../api/types.ts";
import { replaces } from "./entry.ts";
import type { CacheStore } from "./store.ts";

/** Bounds of the in-memory store (README "Cache"): entries, bytes, and age since last use. */
export interface MemoryStoreOptions {
  /** CACHE_MAX_ENTRIES (default 50 000). */
  maxEntries: number;
  /** CACHE_MAX_BYTES: the entries' JSON size added up (default 64 MiB). */
  maxBytes: number;
  /** CACHE_TTL in ms: an entry not written or read for this long is gone. */
  ttlMs: number;
  /** The clock (ms), for tests; default performance.now. */
  now?: () => number;
}

/**
 * The cache of one replica: npm `lru-cache`, bounded by entries and by bytes (an entry's size
 * is its JSON length, counted under each key it is stored under), least recently used first
 * out. Reads and writes are synchronous; the interface is the shared one.
 */
export class MemoryStore implements CacheStore {
  readonly backend = "memory" as const;
  readonly #lru: LRUCache<string, EngineResult>;

  constructor(o: MemoryStoreOptions) {
    this.#lru = new LRUCache<string, EngineResult>({
      max: o.maxEntries,
      maxSize: o.maxBytes,
      ttl: o.ttlMs,
      updateAgeOnGet: true,
      // No timer (lru-cache's default debounces its clock with one): read the clock each time.
      ttlResolution: 0,
      perf: o.now ? { now: o.now } : undefined,
    });
  }

  get(key: string): Promise<EngineResult | undefined> {
    return Promise.resolve(this.#lru.get(key));
  }

  put(keys: string[], entry: EngineResult): Promise<void> {
    const size = JSON.stringify(entry).length;
    for (const key of keys) {
      if (replaces(entry, this.#lru.peek(key))) this.#lru.set(key, entry, { size });
    }
    return Promise.resolve();
  }

  entries(): Promise<number> {
    return Promise.resolve(this.#lru.size);
  }

  /** The bytes held (the entries' sizes added up). */
  get bytes(): number {
    return this.#lru.calculatedSize;
  }

  up(): boolean {
    return true;
  }

  close(): Promise<void> {
    this.#lru.clear();
    return Promise.resolve();
  }
}
