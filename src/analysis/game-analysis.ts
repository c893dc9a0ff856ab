import { type Color, gameAccuracy, moveAccuracy } from "./accuracy.ts";
import { acpl } from "./acpl.ts";
import { isCheckmateScore, viewedBy, whiteScores } from "./evals.ts";
import { judgeMove } from "./judgement.ts";
import type {
  AnalyseOptions,
  GameAnalysis,
  ParsedGame,
  PlyAnalysis,
  PositionEval,
  Score,
  SideSummary,
} from "./types.ts";
import { CP_CEILING, forceAsCp, INITIAL_CP, winPercentFromCp, winPercentFromScore } from "./win.ts";

// One ply: `before` is lila's previous Info (the +15 cp `Info.start` for the first ply),
// `scores` every position White's view; a mating ply's Win% after is scalachess's `MateGiven`
// (+1000 cp for the mover).
function plyAnalysis(
  game: ParsedGame,
  index: number,
  scores: Score[],
  best: string | null,
  mating: boolean,
): PlyAnalysis {
  const ply = game.plies[index]!;
  const before: Score = index === 0 ? { cp: INITIAL_CP } : scores[index]!;
  const after = scores[index + 1]!;
  const winBefore = winPercentFromScore(viewedBy(before, ply.mover));
  const winAfter = mating
    ? winPercentFromCp(CP_CEILING)
    : winPercentFromScore(viewedBy(after, ply.mover));
  const differs = best !== null && best !== ply.uci;
  return {
    ply: ply.ply,
    san: ply.san,
    uci: ply.uci,
    fen: ply.fenBefore,
    eval: after,
    best,
    best_eval: scores[index]!,
    win_before: winBefore,
    win_after: winAfter,
    accuracy: moveAccuracy(winBefore, winAfter),
    judgement: mating ? null : judgeMove(before, after, ply.mover, differs),
  };
}

function countOf(plies: PlyAnalysis[], movers: Color[], color: Color, judgement: string): number {
  return plies.filter((p, i) => movers[i] === color && p.judgement === judgement).length;
}

/**
 * A whole game's analysis at one phase (DESIGN §10) from its replay and the engine's
 * evaluations (`evals[i]`: the position before ply i+1, side to move's view, null for a terminal
 * position; `evals[plies.length]`: the final one). As lila (modules/fishnet/src/main/
 * AnalysisBuilder.scala `makeInfos`), a
 * checkmate position is dropped: the mating move shows `eval` {mate: 0}, Win% after of +1000 cp
 * and no judgement, but counts in neither side's ACPL, accuracy nor judgements.
 */
export function analyseGame(
  game: ParsedGame,
  evals: readonly PositionEval[],
  opts: AnalyseOptions,
): GameAnalysis {
  const scores = whiteScores(game, evals);
  const last = game.plies.length;
  const mated = isCheckmateScore(scores[last]!);
  const plies = game.plies.map((_, i) =>
    plyAnalysis(game, i, scores, evals[i]?.best ?? null, mated && i === last - 1)
  );
  // lila's Analysis.infos: the White-view score after every scored ply.
  const infos = scores.slice(1, mated ? last : last + 1);
  const startColor = game.plies[0]?.mover ?? "white";
  const accuracies = gameAccuracy(startColor, infos.map(forceAsCp));
  const movers = game.plies.map((p) => p.mover);
  const side = (color: Color): SideSummary => ({
    acpl: acpl(color, startColor, infos),
    accuracy: accuracies[color],
    inaccuracies: countOf(plies, movers, color, "inaccuracy"),
    mistakes: countOf(plies, movers, color, "mistake"),
    blunders: countOf(plies, movers, color, "blunder"),
  });
  return {
    game_id: opts.gameId,
    phase: opts.phase,
    depth: opts.depth,
    plies,
    white: side("white"),
    black: side("black"),
  };
}
