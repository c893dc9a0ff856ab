import { castlingSide, type Chess } from "chessops/chess";
import type { NormalMove } from "chessops/types";
import { kingCastlesTo, makeUci, parseUci } from "chessops/util";
import { invalidGame } from "./invalid.ts";

// What a UCI move looks like in standard chess (no drops).
const UCI_SHAPE = /^[a-h][1-8][a-h][1-8][qrbn]?$/;

/**
 * The move of a UCI string in `pos` (chessops `parseUci`, `isLegal`; castling as e1g1 or king
 * takes rook, e1h1); throws `invalid_request` naming the ply: a null move (0000), a string that
 * is not a UCI move, or an illegal one.
 */
export function uciMove(pos: Chess, uci: string, ply: number): NormalMove {
  if (uci === "0000") invalidGame(`ply ${ply}: null move ${uci} is not a move to analyse`);
  const move = UCI_SHAPE.test(uci) ? parseUci(uci) : undefined;
  if (!move || !("from" in move)) {
    invalidGame(`ply ${ply}: bad UCI move ${JSON.stringify(uci)} (expected e.g. e2e4 or e7e8q)`);
  }
  if (!pos.isLegal(move)) invalidGame(`ply ${ply}: illegal move ${uci}`);
  return move;
}

/**
 * A legal move of `pos` in standard UCI, as engines write it (chessops `makeUci`, with castling
 * as the king's two-square step: e1g1, not chessops' king-takes-rook e1h1).
 */
export function standardUci(pos: Chess, move: NormalMove): string {
  const side = castlingSide(pos, move);
  if (!side) return makeUci(move);
  return makeUci({ from: move.from, to: kingCastlesTo(pos.turn, side) });
}
