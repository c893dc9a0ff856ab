import { parseGame, parseGames } from "../analysis/game.ts";
import { analyseGame } from "../analysis/game-analysis.ts";
import type { GameParsers } from "./games-input.ts";
import type { GameAnalyser } from "./runner-deps.ts";

/** The pure game analysis of src/analysis/ (chessops replay, lila's formulas), as jobs use it. */
export const gameAnalysis: GameParsers & GameAnalyser = { parseGame, parseGames, analyseGame };
