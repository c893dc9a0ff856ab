/**
 * A small opening book for the cache benchmark: common opening lines in UCI, replayed with
 * chessops. `games()` draws games from it with a seeded PRNG the way real traffic repeats
 * itself: popular lines more often (Zipf weights), each game following its line for 6 to 12
 * plies and then leaving the book with random legal moves, 12 plies in all.
 */
import { Chess } from "chessops/chess";
import { makeFen } from "chessops/fen";
import { parseUci } from "chessops/util";

/** Opening lines, most popular first (the order gives the weights). */
export const BOOK: Record<string, string> = {
  "Ruy Lopez, Closed": "e2e4 e7e5 g1f3 b8c6 f1b5 a7a6 b5a4 g8f6 e1g1 f8e7 f1e1 b7b5 a4b3 d7d6",
  "Sicilian, Najdorf": "e2e4 c7c5 g1f3 d7d6 d2d4 c5d4 f3d4 g8f6 b1c3 a7a6 c1e3 e7e5",
  "Queen's Gambit Declined": "d2d4 d7d5 c2c4 e7e6 b1c3 g8f6 c1g5 f8e7 e2e3 e8g8 g1f3 h7h6",
  "Italian, Giuoco Piano": "e2e4 e7e5 g1f3 b8c6 f1c4 f8c5 c2c3 g8f6 d2d3 d7d6 e1g1 e8g8",
  "French, Advance": "e2e4 e7e6 d2d4 d7d5 e4e5 c7c5 c2c3 b8c6 g1f3 d8b6 a2a3 c5c4",
  "Caro-Kann, Classical": "e2e4 c7c6 d2d4 d7d5 b1c3 d5e4 c3e4 c8f5 e4g3 f5g6 h2h4 h7h6",
  "King's Indian": "d2d4 g8f6 c2c4 g7g6 b1c3 f8g7 e2e4 d7d6 g1f3 e8g8 f1e2 e7e5",
  "London System": "d2d4 d7d5 c1f4 g8f6 e2e3 c7c5 c2c3 b8c6 b1d2 e7e6 g1f3 f8d6",
  "Sicilian, Dragon": "e2e4 c7c5 g1f3 d7d6 d2d4 c5d4 f3d4 g8f6 b1c3 g7g6 c1e3 f8g7",
  "Slav": "d2d4 d7d5 c2c4 c7c6 g1f3 g8f6 b1c3 d5c4 a2a4 c8f5 e2e3 e7e6",
  "Nimzo-Indian, Classical": "d2d4 g8f6 c2c4 e7e6 b1c3 f8b4 d1c2 e8g8 a2a3 b4c3 c2c3 b7b6",
  "English, Four Knights": "c2c4 e7e5 b1c3 g8f6 g1f3 b8c6 g2g3 d7d5 c4d5 f6d5 f1g2 d5b6",
  "Scandinavian": "e2e4 d7d5 e4d5 d8d5 b1c3 d5a5 d2d4 g8f6 g1f3 c8f5 f1c4 e7e6",
  "Two Knights": "e2e4 e7e5 g1f3 b8c6 f1c4 g8f6 d2d3 f8e7 e1g1 e8g8 f1e1 d7d6",
  "Sicilian, Taimanov": "e2e4 c7c5 g1f3 e7e6 d2d4 c5d4 f3d4 b8c6 b1c3 d8c7 c1e3 a7a6",
  "Catalan": "d2d4 g8f6 c2c4 e7e6 g2g3 d7d5 f1g2 f8e7 g1f3 e8g8 e1g1 d5c4",
  "Scotch": "e2e4 e7e5 g1f3 b8c6 d2d4 e5d4 f3d4 g8f6 d4c6 b7c6 e4e5 d8e7 d1e2 f6d5",
  "French, Winawer": "e2e4 e7e6 d2d4 d7d5 b1c3 f8b4 e4e5 c7c5 a2a3 b4c3 b2c3 g8e7",
  "Queen's Gambit Accepted": "d2d4 d7d5 c2c4 d5c4 g1f3 g8f6 e2e3 e7e6 f1c4 c7c5 e1g1 a7a6",
  "Grünfeld, Exchange": "d2d4 g8f6 c2c4 g7g6 b1c3 d7d5 c4d5 f6d5 e2e4 d5c3 b2c3 f8g7",
  "Petrov": "e2e4 e7e5 g1f3 g8f6 f3e5 d7d6 e5f3 f6e4 d2d4 d6d5 f1d3 b8c6",
  "Caro-Kann, Advance": "e2e4 c7c6 d2d4 d7d5 e4e5 c8f5 g1f3 e7e6 f1e2 c6c5 c1e3 b8d7",
  "Sicilian, Sveshnikov": "e2e4 c7c5 g1f3 b8c6 d2d4 c5d4 f3d4 g8f6 b1c3 e7e5 d4b5 d7d6",
  "Semi-Slav": "d2d4 d7d5 c2c4 c7c6 g1f3 g8f6 b1c3 e7e6 e2e3 b8d7 f1d3 d5c4",
  "Queen's Indian": "d2d4 g8f6 c2c4 e7e6 g1f3 b7b6 g2g3 c8a6 b2b3 f8b4 c1d2 b4e7",
  "Sicilian, Alapin": "e2e4 c7c5 c2c3 g8f6 e4e5 f6d5 d2d4 c5d4 g1f3 b8c6 c3d4 d7d6",
  "French, Tarrasch": "e2e4 e7e6 d2d4 d7d5 b1d2 g8f6 e4e5 f6d7 f1d3 c7c5 c2c3 b8c6",
  "Pirc, Austrian": "e2e4 d7d6 d2d4 g8f6 b1c3 g7g6 f2f4 f8g7 g1f3 e8g8 f1d3 b8a6",
  "Réti": "g1f3 d7d5 g2g3 g8f6 f1g2 e7e6 e1g1 f8e7 d2d3 e8g8 b1d2 c7c5",
  "Dutch, Classical": "d2d4 f7f5 g2g3 g8f6 f1g2 e7e6 g1f3 f8e7 e1g1 e8g8 c2c4 d7d6",
  "Modern Benoni": "d2d4 g8f6 c2c4 c7c5 d4d5 e7e6 b1c3 e6d5 c4d5 d7d6 e2e4 g7g6",
  "King's Gambit, Kieseritzky": "e2e4 e7e5 f2f4 e5f4 g1f3 g7g5 h2h4 g5g4 f3e5 g8f6 f1c4 d7d5",
};

/** Plies per game, and the range of plies a game follows its book line. */
const PLIES = 12, BOOK_MIN = 6;

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a * 1664525 + 1013904223) >>> 0;
    return a / 2 ** 32;
  };
}

/** Every book line replays legally with chessops (throws naming the line and move if not). */
export function checkBook(): number {
  for (const [name, line] of Object.entries(BOOK)) {
    const pos = Chess.default();
    for (const uci of line.split(" ")) {
      const move = parseUci(uci);
      if (!move || !pos.isLegal(move)) throw new Error(`Cannot replay ${name}: ${uci} is illegal`);
      pos.play(move);
    }
  }
  return Object.keys(BOOK).length;
}

/**
 * `n` games (default 200): for each, the FENs after each of its first 12 plies. Seeded, so
 * every run analyses the same positions in the same order.
 */
export function games(n = 200, seed = 7): string[][] {
  const random = seeded(seed);
  const lines = Object.values(BOOK).map((l) => l.split(" "));
  const weights = lines.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const pick = () => {
    let r = random() * total, i = 0;
    while ((r -= weights[i]!) > 0) i++;
    return lines[i]!;
  };
  return Array.from({ length: n }, () => {
    const line = pick(), inBook = BOOK_MIN + Math.floor(random() * (PLIES - BOOK_MIN + 1));
    const pos = Chess.default(), fens: string[] = [];
    for (let ply = 0; ply < PLIES && !pos.isEnd(); ply++) {
      const moves = [...pos.allDests()].flatMap(([from, to]) =>
        [...to].map((t) => ({ from, to: t }))
      );
      const book = ply < inBook ? parseUci(line[ply]!) : undefined;
      pos.play(book ?? moves[Math.floor(random() * moves.length)]!);
      fens.push(makeFen(pos.toSetup()));
    }
    return fens;
  });
}
