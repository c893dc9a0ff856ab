/** Deterministic benchmark positions: random legal games from the start position. */
import { Chess } from "chessops/chess";
import { makeFen } from "chessops/fen";

/** `n` distinct legal positions, 6–30 plies deep, the same on every run (seeded). */
export function positions(n: number, seed = 42): string[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a * 1664525 + 1013904223) >>> 0;
    return a / 2 ** 32;
  };
  const out = new Set<string>();
  while (out.size < n) {
    const pos = Chess.default();
    const plies = 6 + Math.floor(random() * 25);
    for (let i = 0; i < plies && !pos.isEnd(); i++) {
      const moves = [...pos.allDests()].flatMap(([from, to]) =>
        [...to].map((t) => ({ from, to: t }))
      );
      pos.play(moves[Math.floor(random() * moves.length)]!);
    }
    if (!pos.isEnd()) out.add(makeFen(pos.toSetup()));
  }
  return [...out];
}
