import type { AnalysisRequest, EngineResult } from "../api/types.ts";
import { answerFor, forStorage, serves } from "./entry.ts";
import { cacheKey, normalizedPosition } from "./key.ts";
import type { CacheMetrics } from "./metrics.ts";
import type { CacheStore } from "./store.ts";

/**
 * The position cache (docs/design.md §9) over a store: keys from the normalized position and
 * multipv, depth-monotone entries, lines cut to the request. A result with m lines is stored
 * under the keys of multipv 1..m, so a lookup is one read of the request's own key; each key
 * keeps the deepest result (at equal depth, the one with more lines) it was given.
 */
export class PositionCache {
  constructor(
    readonly store: CacheStore,
    private readonly metrics?: CacheMetrics,
  ) {}

  /** The cached answer to `req` (cut to it), or undefined: a miss, or the store in trouble. */
  async lookup(req: AnalysisRequest): Promise<EngineResult | undefined> {
    const key = cacheKey(normalizedPosition(req.fen), req.multipv);
    const started = performance.now();
    const entry = await this.store.get(key);
    this.metrics?.observe("get", (performance.now() - started) / 1000);
    return entry && serves(entry, req) ? answerFor(entry, req) : undefined;
  }

  /**
   * Stores a complete result (from a search that finished) under every key it serves. The
   * position comes from the request's FEN (legal by then), not from what the spot echoed.
   */
  async save(fen: string, result: EngineResult): Promise<void> {
    const position = normalizedPosition(fen);
    const keys = Array.from({ length: result.multipv }, (_, i) => cacheKey(position, i + 1));
    const started = performance.now();
    await this.store.put(keys, forStorage(result));
    this.metrics?.observe("set", (performance.now() - started) / 1000);
  }
}
