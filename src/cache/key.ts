import { Chess } from "chessops/chess";
import { makeFen, parseFen } from "chessops/fen";

// Normalising is a pure function of the FEN: remember the last ones (apps ask about the same
// positions again and again), as validateFen does, so chessops runs once per position.
const NORMALIZED = new Map<string, string>();
const REMEMBERED = 4096;

/**
 * The position a (legal) FEN describes, as the cache sees it: chessops's setup after the
 * legality check, re-serialised without the move counters (`makeFen` in EPD form), with the
 * en-passant square kept only when a legal en-passant capture exists (chessops's `toSetup()`
 * keeps it only then, as Lichess's `BinaryFen.writeNormalized` does). Side to move and
 * castling rights stay. Throws on a FEN chessops refuses (validate it first).
 */
export function normalizedPosition(fen: string): string {
  const known = NORMALIZED.get(fen);
  if (known !== undefined) return known;
  const position = Chess.fromSetup(parseFen(fen).unwrap()).unwrap();
  const normalized = makeFen(position.toSetup(), { epd: true });
  if (NORMALIZED.size >= REMEMBERED) NORMALIZED.delete(NORMALIZED.keys().next().value!);
  NORMALIZED.set(fen, normalized);
  return normalized;
}

/** The cache key of a position for `multipv` lines (docs/design.md §9: position + multipv). */
export function cacheKey(position: string, multipv: number): string {
  return `${multipv}:${position}`;
}

/**
 * What makes two searches the same search, for coalescing: the exact FEN, depth and multipv.
 * The exact FEN (counters included) rather than the position, so that a joiner gets the very
 * stream its own search would give, the result's `fen` included, with no rewriting.
 */
export function flightKey(req: { fen: string; depth: number; multipv: number }): string {
  return `${req.depth}|${req.multipv}|${req.fen}`;
}
