import type { Chess } from "chessops/chess";
import { parseSan } from "chessops/san";
import type { NormalMove } from "chessops/types";
import { makeUci } from "chessops/util";
import { invalidGame } from "./invalid.ts";

const FILES = "abcdefgh";
const RANKS = "12345678";

// A piece move's SAN split into piece, origin hints and the rest (for the ambiguity check).
const PIECE_SAN = /^([NBRQK])([a-h]?)([1-8]?)(x?[a-h][1-8][+#]?)$/;

/**
 * Whether a SAN chessops refused is ambiguous rather than illegal: chessops answers undefined
 * for both, so each origin square the SAN allows is tried in full (e.g. "Nbd2" and "Nfd2" for
 * "Nd2"); two or more legal readings mean it is ambiguous.
 */
export function isAmbiguousSan(pos: Chess, san: string): boolean {
  const parts = san.match(PIECE_SAN);
  if (!parts) return false;
  const [, piece, file, rank, rest] = parts as unknown as [string, string, string, string, string];
  const readings = new Set<string>();
  for (const f of file || FILES) {
    for (const r of rank || RANKS) {
      const move = parseSan(pos, `${piece}${f}${r}${rest}`);
      if (move) readings.add(makeUci(move));
    }
  }
  return readings.size >= 2;
}

/**
 * The move of a SAN in `pos` by chessops' `parseSan`; throws `invalid_request` naming the ply
 * and the move: "ply 12: ambiguous move Nd2", "ply 46: illegal move Qxh2", or a null move.
 */
export function sanMove(pos: Chess, san: string, ply: number): NormalMove {
  if (san === "--") invalidGame(`ply ${ply}: null move ${san} is not a move to analyse`);
  const move = parseSan(pos, san);
  if (move && "from" in move) return move;
  if (isAmbiguousSan(pos, san)) invalidGame(`ply ${ply}: ambiguous move ${san}`);
  return invalidGame(`ply ${ply}: illegal move ${san}`);
}
