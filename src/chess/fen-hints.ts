import { GatewayError } from "../errors/gateway-error.ts";

/** What is wrong with a FEN, each with its own hint (docs/design.md §5's rules, one by one). */
export type FenCause =
  | "fields"
  | "characters"
  | "length"
  | "board"
  | "turn"
  | "kings"
  | "pawns"
  | "check"
  | "castling"
  | "en_passant"
  | "counters"
  | "position";

const EXAMPLE = "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1";

/** The hint of each cause: what to write instead. */
export const FEN_HINTS: Record<FenCause, string> = {
  fields: "A FEN has six fields separated by single spaces: board, side to move, castling, " +
    `en passant, halfmove clock, fullmove number, e.g. ${EXAMPLE}`,
  characters: "A FEN has only piece letters, digits, /, -, the letters of its fields and " +
    "single spaces: send the position on one line",
  length: `A FEN is at most 100 characters: send only its six fields, e.g. ${EXAMPLE}`,
  board: "The board is eight ranks from 8 down to 1 separated by /; each rank adds up to 8 " +
    "squares: pieces pnbrqk (black) or PNBRQK (white), digits 1-8 for runs of empty squares",
  turn: 'The second field is the side to move: "w" (white) or "b" (black)',
  kings: "Put exactly one white king (K) and one black king (k) on the board",
  pawns: "No pawn stands on rank 1 or 8: a pawn that reaches the last rank is promoted, so " +
    "write the piece it became",
  check: "The side that just moved cannot be left in check: fix the side to move (second " +
    "field), or the position",
  castling: 'The castling field is "-" or the rights still open, in the order KQkq: K/Q need ' +
    "the white king on e1 and the rook on h1/a1, k/q the black king on e8 and the rook on h8/a8",
  en_passant: 'The en-passant field is "-", or the square a pawn just skipped: on rank 6 when ' +
    "white is to move (rank 3 when black is), behind that pawn, with the square and the " +
    "pawn's start square empty. When unsure, write -",
  counters: "The last two fields are plain integers: the halfmove clock (0 or more) and the " +
    "fullmove number (1 or more), e.g. 0 1",
  position: "Send a legal position of standard chess",
};

/** Throws `invalid_fen` with a message naming what is wrong and the hint of its cause. */
export function fenError(cause: FenCause, message: string): never {
  throw new GatewayError("invalid_fen", `Invalid FEN: ${message}`, { hint: FEN_HINTS[cause] });
}
