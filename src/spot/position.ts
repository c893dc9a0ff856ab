import { Chess } from "chessops/chess";
import { parseFen } from "chessops/fen";
import type { EngineResult, Line } from "../api/types.ts";

/** Legal root moves as UCI counts them (a promotion is four moves), and how the game stands. */
export function rootMoves(fen: string): { count: number; mate: boolean; stalemate: boolean } {
  const pos = Chess.fromSetup(parseFen(fen).unwrap()).unwrap();
  let count = 0;
  for (const [from, dests] of pos.allDests()) {
    const piece = pos.board.get(from)!;
    for (const to of dests) {
      const lastRank = to >> 3 === (piece.color === "white" ? 7 : 0);
      count += piece.role === "pawn" && lastRank ? 4 : 1;
    }
  }
  return { count, mate: pos.isCheckmate(), stalemate: pos.isStalemate() };
}

/**
 * The answer for a position with no legal move, given at once without an engine: the side to
 * move is mated (`mate 0`) or stalemated (`cp 0`), as Stockfish itself reports it at depth 0.
 */
export function terminalResult(
  req: { fen: string; depth: number; multipv: number },
  mate: boolean,
  engine: string,
): EngineResult {
  const line: Line = {
    multipv: 1,
    depth: 0,
    seldepth: 0,
    score: mate ? { mate: 0 } : { cp: 0 },
    pv: [],
    nodes: 0,
    nps: 0,
    time_ms: 0,
  };
  return { ...req, bestmove: null, ponder: null, lines: [line], engine };
}
