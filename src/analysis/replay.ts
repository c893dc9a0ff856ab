import type { Chess } from "chessops/chess";
import { makeFen } from "chessops/fen";
import { makeSanAndPlay } from "chessops/san";
import type { NormalMove } from "chessops/types";
import { invalidGame } from "./invalid.ts";
import { MAX_PLIES, type ParsedGame, type PlyPosition } from "./types.ts";
import { standardUci } from "./uci-move.ts";

/** Reads one move of a game (SAN or UCI) in the position before it; throws when it is bad. */
export type MoveReader = (pos: Chess, move: string, ply: number) => NormalMove;

/** How a position ends the game (ParsedGame `terminal`), null when it does not. */
export function terminalOf(pos: Chess): ParsedGame["terminal"] {
  if (pos.isCheckmate()) return "checkmate";
  if (pos.isStalemate()) return "stalemate";
  return pos.isInsufficientMaterial() ? "insufficient" : null;
}

/**
 * Replays `moves` from `start` (which it mutates) with chessops, one PlyPosition per ply; refuses
 * a game without moves or over MAX_PLIES (600) before replaying anything.
 */
export function replay(
  start: Chess,
  moves: readonly string[],
  read: MoveReader,
): Pick<ParsedGame, "plies" | "terminal"> {
  if (moves.length === 0) invalidGame("the game has no moves");
  if (moves.length > MAX_PLIES) {
    invalidGame(`the game has ${moves.length} plies, more than the ${MAX_PLIES} allowed`);
  }
  const pos = start;
  const plies: PlyPosition[] = moves.map((text, index) => {
    const ply = index + 1;
    const fenBefore = makeFen(pos.toSetup());
    const mover = pos.turn;
    const move = read(pos, text, ply);
    const uci = standardUci(pos, move);
    const san = makeSanAndPlay(pos, move);
    return {
      ply,
      san,
      uci,
      fenBefore,
      fenAfter: makeFen(pos.toSetup()),
      mover,
      afterIsCheckmate: pos.isCheckmate(),
      afterIsStalemate: pos.isStalemate(),
    };
  });
  return { plies, terminal: terminalOf(pos) };
}
