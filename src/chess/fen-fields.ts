import { fenError } from "./fen-hints.ts";

/** The six raw fields of a FEN, checked for shape only (legality is fen.ts's job). */
export interface FenFields {
  board: string;
  turn: "w" | "b";
  castling: string;
  ep: string;
  halfmove: number;
  fullmove: number;
}

const MAX_FEN_LENGTH = 100;

/**
 * Splits a FEN into its six fields. The character whitelist comes first: it is what keeps a
 * newline (a second UCI command) or any other control byte away from an engine.
 */
export function splitFen(fen: string): FenFields {
  if (fen.length === 0) fenError("fields", "it is empty");
  if (fen.length > MAX_FEN_LENGTH) fenError("length", `it is over ${MAX_FEN_LENGTH} characters`);
  const bad = fen.match(/[^A-Za-z0-9/ -]/);
  if (bad) fenError("characters", `character ${JSON.stringify(bad[0])} is not allowed`);
  const fields = fen.split(" ");
  if (fields.length !== 6 || fields.some((f) => f === "")) {
    fenError("fields", `expected 6 fields separated by single spaces, received ${fields.length}`);
  }
  const [board, turn, castling, ep, half, full] = fields as [string, ...string[]];
  const ranks = board.split("/");
  if (ranks.length !== 8) fenError("board", `the board has ${ranks.length} ranks, expected 8`);
  ranks.forEach((rank, i) => {
    if (!/^[pnbrqkPNBRQK1-8]+$/.test(rank) || /\d\d/.test(rank)) {
      fenError("board", `rank ${8 - i} "${rank}" is not pieces and single digits`);
    }
    const squares = [...rank].reduce((n, ch) => n + (/\d/.test(ch) ? Number(ch) : 1), 0);
    if (squares !== 8) {
      fenError("board", `rank ${8 - i} "${rank}" has ${squares} squares, expected 8`);
    }
  });
  if (turn !== "w" && turn !== "b") {
    fenError("turn", `side to move must be "w" or "b", received "${turn}"`);
  }
  if (!/^(-|K?Q?k?q?)$/.test(castling!) || castling === "") {
    fenError(
      "castling",
      `castling must be "-" or a subset of "KQkq" in that order, received "${castling}"`,
    );
  }
  if (!/^(-|[a-h][36])$/.test(ep!)) {
    fenError("en_passant", `en-passant square must be "-" or on rank 3 or 6, received "${ep}"`);
  }
  if (!/^(0|[1-9]\d{0,3})$/.test(half!)) {
    fenError("counters", `halfmove clock must be a plain integer 0..9999, received "${half}"`);
  }
  if (!/^[1-9]\d{0,4}$/.test(full!)) {
    fenError("counters", `fullmove number must be a plain integer 1..99999, received "${full}"`);
  }
  return {
    board,
    turn: turn as "w" | "b",
    castling: castling!,
    ep: ep!,
    halfmove: Number(half),
    fullmove: Number(full),
  };
}
