import { Chess } from "chessops/chess";
import { parseFen } from "chessops/fen";
import { parseSquare } from "chessops/util";
import type { Board } from "chessops/board";
import { splitFen } from "./fen-fields.ts";
import { type FenCause, fenError } from "./fen-hints.ts";

const POSITION_ERRORS: Record<string, [FenCause, string]> = {
  ERR_EMPTY: ["kings", "the board is empty"],
  ERR_KINGS: ["kings", "each side must have exactly one king"],
  ERR_PAWNS_ON_BACKRANK: ["pawns", "pawns cannot stand on the first or eighth rank"],
  ERR_OPPOSITE_CHECK: ["check", "the side not to move is in check"],
  ERR_IMPOSSIBLE_CHECK: ["check", "the side to move is in check from an impossible set of pieces"],
  ERR_VARIANT: ["position", "the position is not standard chess"],
};

// chessops silently drops such rights; the contract wants them refused, not "fixed".
const CASTLING: Record<string, { king: string; rook: string; color: "white" | "black" }> = {
  K: { king: "e1", rook: "h1", color: "white" },
  Q: { king: "e1", rook: "a1", color: "white" },
  k: { king: "e8", rook: "h8", color: "black" },
  q: { king: "e8", rook: "a8", color: "black" },
};

function pieceAt(board: Board, square: string): string | undefined {
  const p = board.get(parseSquare(square)!);
  return p ? `${p.color} ${p.role}` : undefined;
}

function checkCastling(board: Board, castling: string): void {
  for (const right of castling === "-" ? [] : [...castling]) {
    const { king, rook, color } = CASTLING[right]!;
    if (pieceAt(board, king) !== `${color} king` || pieceAt(board, rook) !== `${color} rook`) {
      fenError(
        "castling",
        `castling right "${right}" needs the ${color} king on ${king} and rook on ${rook}`,
      );
    }
  }
}

// An en-passant square is legal only right after a double push: the pushed pawn stands in
// front of it, and both it and the pawn's start square are empty.
function checkEnPassant(board: Board, ep: string, turn: "w" | "b"): void {
  if (ep === "-") return;
  const file = ep[0]!;
  const [rank, pawnRank, fromRank, mover] = turn === "w" ? ["6", "5", "7", "black"] : [
    "3",
    "4",
    "2",
    "white",
  ];
  if (ep[1] !== rank) {
    fenError("en_passant", `en-passant square ${ep} is on the wrong rank for "${turn}"`);
  }
  if (pieceAt(board, `${file}${pawnRank}`) !== `${mover} pawn`) {
    fenError(
      "en_passant",
      `en-passant square ${ep} has no ${mover} pawn on ${file}${pawnRank} that could have just double-pushed`,
    );
  }
  if (pieceAt(board, ep) || pieceAt(board, `${file}${fromRank}`)) {
    fenError("en_passant", `en-passant square ${ep} or ${file}${fromRank} is occupied`);
  }
}

// Legality is a pure function of the string: remember the last legal FENs (apps ask about the
// same positions again and again), so the chessops work is done once per position.
const LEGAL = new Map<string, true>();
const REMEMBERED = 2048;

/** Validates a FEN strictly (docs/design.md §5) and returns it unchanged; throws `invalid_fen`. */
export function validateFen(fen: string): string {
  if (LEGAL.has(fen)) return fen;
  checkFen(fen);
  if (LEGAL.size >= REMEMBERED) LEGAL.delete(LEGAL.keys().next().value!);
  LEGAL.set(fen, true);
  return fen;
}

function checkFen(fen: string): void {
  const fields = splitFen(fen);
  const setup = parseFen(fen);
  if (setup.isErr) fenError("board", `chessops rejects it (${setup.error.message})`);
  const position = Chess.fromSetup(setup.value);
  if (position.isErr) {
    const code = position.error.message;
    const [cause, message] = POSITION_ERRORS[code] ?? ["position", `illegal position (${code})`];
    fenError(cause, message);
  }
  checkCastling(setup.value.board, fields.castling);
  checkEnPassant(setup.value.board, fields.ep, fields.turn);
}
