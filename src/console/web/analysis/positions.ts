import { Chess } from "chessops/chess";
import { makeFen, parseFen } from "chessops/fen";
import { makeSanVariation } from "chessops/san";
import { parseUci } from "chessops/util";

/** The position (FEN) after playing `uci` in `fen`, or `fen` itself if either is not legal. */
export function fenAfter(fen: string, uci: string): string {
  const pos = parseFen(fen).chain((setup) => Chess.fromSetup(setup));
  const move = parseUci(uci);
  if (pos.isErr || !move || !pos.value.isLegal(move)) return fen;
  pos.value.play(move);
  return makeFen(pos.value.toSetup());
}

/** A UCI move's two squares, for the board's arrows and highlights (`e2e4` → `["e2","e4"]`). */
export function squaresOf(uci: string | null | undefined): [string, string] | undefined {
  if (!uci || !/^[a-h][1-8][a-h][1-8]/.test(uci)) return undefined;
  return [uci.slice(0, 2), uci.slice(2, 4)];
}

/** A principal variation in SAN from `fen` (`1. e4 e5 2. Nf3`), or the UCI moves when illegal. */
export function sanLine(fen: string, pv: string[]): string {
  const pos = parseFen(fen).chain((setup) => Chess.fromSetup(setup));
  const moves = pv.map((m) => parseUci(m));
  if (pos.isErr || moves.some((m) => !m)) return pv.join(" ");
  return makeSanVariation(pos.value, moves.filter((m) => m !== undefined));
}

/** Whether White is to move in a FEN. */
export function whiteToMove(fen: string): boolean {
  return fen.split(" ")[1] !== "b";
}
