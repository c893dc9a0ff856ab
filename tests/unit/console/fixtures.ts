import type { AnalysedPly } from "../../../src/console/web/analysis/types.ts";

const START = "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1";
const AFTER_E4 = "rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq - 0 1";
const AFTER_E5 = "rnbqkbnr/pppp1ppp/8/4p3/4P3/8/PPPP1PPP/RNBQKBNR w KQkq - 0 2";

/** Three plies of an analysed game (1. e4 e5 2. Qh5??): the views' fixture. */
export const SAMPLE_PLIES: AnalysedPly[] = [
  {
    ply: 1,
    san: "e4",
    uci: "e2e4",
    fen: START,
    eval: { cp: 30 },
    best: "e2e4",
    best_eval: { cp: 30 },
    win_before: 51.4,
    win_after: 52.8,
    accuracy: 100,
    judgement: null,
  },
  {
    ply: 2,
    san: "e5",
    uci: "e7e5",
    fen: AFTER_E4,
    eval: { cp: 35 },
    best: "c7c5",
    best_eval: { cp: 30 },
    win_before: 47.2,
    win_after: 46.8,
    accuracy: 98,
    judgement: null,
  },
  {
    ply: 3,
    san: "Qh5",
    uci: "d1h5",
    fen: AFTER_E5,
    eval: { cp: -420 },
    best: "g1f3",
    best_eval: { cp: 35 },
    win_before: 53.2,
    win_after: 20.1,
    accuracy: 20,
    judgement: "blunder",
  },
];
