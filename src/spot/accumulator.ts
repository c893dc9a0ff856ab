import type { EngineResult, Line } from "../api/types.ts";
import type { UciBestmove, UciInfo } from "./uci.ts";

/**
 * Turns a search's `info` lines into complete per-depth sets. Stockfish may print a depth's
 * lines several times (and not-yet-searched ones at the previous depth); a set is complete
 * when every expected multipv index has a finished (non-bound) line at that depth. Once a
 * depth is emitted, anything at or below it is stale and ignored.
 */
export class SearchAccumulator {
  #pending = new Map<number, Map<number, Line>>();
  #emittedDepth = 0;
  #deepest: Line[] = [];

  /** `expected`: lines per complete set (requested multipv capped at the legal move count). */
  constructor(private readonly expected: number) {}

  /** Feeds one info line; returns the set it completed (multipv order), or an empty list. */
  feed(info: UciInfo): Line[] {
    const { line } = info;
    if (info.bound || line.depth <= this.#emittedDepth || line.multipv > this.expected) return [];
    let set = this.#pending.get(line.depth);
    if (!set) this.#pending.set(line.depth, set = new Map());
    set.set(line.multipv, line);
    if (set.size < this.expected) return [];
    for (const d of this.#pending.keys()) if (d <= line.depth) this.#pending.delete(d);
    this.#emittedDepth = line.depth;
    this.#deepest = [...set.values()].sort((a, b) => a.multipv - b.multipv);
    return this.#deepest;
  }

  /** The deepest complete depth so far (0 before any). */
  get depth(): number {
    return this.#emittedDepth;
  }

  /** The final result: the deepest complete set of lines, best first. */
  result(
    req: { fen: string; depth: number; multipv: number },
    best: UciBestmove,
    engine: string,
  ): EngineResult {
    return {
      fen: req.fen,
      depth: req.depth,
      multipv: req.multipv,
      bestmove: best.bestmove,
      ponder: best.ponder,
      lines: this.#deepest,
      engine,
    };
  }
}
