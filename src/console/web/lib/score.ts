/** A score as the API gives it: centipawns or mate in n (README "The engine API"). */
export type Score = { cp: number } | { mate: number };

/** The Lichess Win% curve's constant (lila `WinPercent`). */
const WIN_K = 0.00368208;

/** Lichess clamps centipawns to ±1000 before Win%. */
const CP_CLAMP = 1000;

/**
 * White's Win% (0..100) for a score from White's point of view, by Lichess's curve (centipawns
 * clamped to ±1000). A mate is at the edge: 100 when White mates, 0 when White is mated; a
 * `{"mate": 0}` (the position after a mating move) is at the edge of the side that just
 * moved, `whiteMoved`.
 */
export function whiteWinPercent(score: Score, whiteMoved: boolean): number {
  if ("mate" in score) {
    if (score.mate === 0) return whiteMoved ? 100 : 0;
    return score.mate > 0 ? 100 : 0;
  }
  const cp = Math.max(-CP_CLAMP, Math.min(CP_CLAMP, score.cp));
  return 50 + 50 * (2 / (1 + Math.exp(-WIN_K * cp)) - 1);
}

/**
 * A score as people read it: `+1.25`, `-0.40`, `0.00`, `#3` (White mates in 3), `#-2` (White
 * is mated in 2), `#` (checkmate on the board).
 */
export function formatScore(score: Score): string {
  if ("mate" in score) return score.mate === 0 ? "#" : `#${score.mate}`;
  const pawns = score.cp / 100;
  return `${pawns > 0 ? "+" : ""}${pawns.toFixed(2)}`;
}

/** A score from the side to move's point of view (as spots report it) turned to White's. */
export function toWhitePov(score: Score, whiteToMove: boolean): Score {
  if (whiteToMove) return score;
  return "mate" in score ? { mate: -score.mate } : { cp: -score.cp };
}
