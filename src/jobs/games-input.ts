import { type GameInput, MAX_PLIES, type ParsedGame } from "../analysis/types.ts";
import { GatewayError } from "../errors/gateway-error.ts";
import type { BatchRequest, GameRequest } from "./request.ts";
import type { JobGame } from "./types.ts";

/** The game parsers of src/analysis/game.ts (chessops): they throw `invalid_request`. */
export interface GameParsers {
  parseGame(input: GameInput): ParsedGame;
  parseGames(pgn: string): ParsedGame[];
}

const HINT = 'Send {"pgn": "1. e4 e5 …"} or {"moves": ["e2e4", …]} (UCI), optionally "initial_fen"';
const BATCH_HINT = 'Send {"games": [{"game_id": "…", "pgn": "…"}, …]} or {"pgn": "<many games>"}';

/** A replayed game as an input that replays the same way: its UCI moves from its start. */
function asMoves(game: ParsedGame): GameInput {
  return { moves: game.plies.map((p) => p.uci), initial_fen: game.initialFen };
}

function checked(game: ParsedGame, where: string): ParsedGame {
  if (game.plies.length > MAX_PLIES) {
    throw new GatewayError(
      "invalid_request",
      `${where}has ${game.plies.length} plies, more than the ${MAX_PLIES} allowed`,
      { hint: "Split the game, or send only the part to analyse" },
    );
  }
  return game;
}

function parseOne(p: GameParsers, input: GameInput, where: string): ParsedGame {
  try {
    return checked(p.parseGame(input), where);
  } catch (e) {
    if (!(e instanceof GatewayError) || !where) throw e;
    throw new GatewayError(e.code, `${where}${e.message}`, { hint: e.hint });
  }
}

/** The one game of `POST /v1/games`, replayed (400 naming the ply and the move when bad). */
export function singleGame(p: GameParsers, req: GameRequest): JobGame {
  if ((req.pgn === undefined) === (req.moves === undefined)) {
    const why = req.pgn === undefined ? "The body has no game" : "Send pgn or moves, not both";
    throw new GatewayError("invalid_request", `Cannot analyse: ${why}`, { hint: HINT });
  }
  const input: GameInput = req.pgn !== undefined
    ? { pgn: req.pgn }
    : { moves: req.moves!, ...(req.initial_fen ? { initial_fen: req.initial_fen } : {}) };
  const game = parseOne(p, input, "");
  return { game_id: req.game_id ?? "game-1", input, plies: game.plies.length };
}

/**
 * The games of `POST /v1/batches`, each replayed: 1..`maxGames` of them, a bad one refused with
 * its index and id (`games[3] (g42): ply 46: illegal move Qxh2`).
 */
export function batchGames(p: GameParsers, req: BatchRequest, maxGames: number): JobGame[] {
  if ((req.games === undefined) === (req.pgn === undefined)) {
    const why = req.games === undefined ? "The body has no games" : "Send games or pgn, not both";
    throw new GatewayError("invalid_request", `Cannot analyse: ${why}`, { hint: BATCH_HINT });
  }
  const count = req.games?.length;
  if (count === 0) {
    throw new GatewayError("invalid_request", "Cannot analyse: games is empty", {
      hint: BATCH_HINT,
    });
  }
  const tooMany = (n: number) =>
    new GatewayError("invalid_request", `A batch has at most ${maxGames} games, received ${n}`, {
      hint: "Split the games over several batches, one after another",
    });
  if (count !== undefined && count > maxGames) throw tooMany(count);
  if (req.pgn !== undefined) {
    const games = p.parseGames(req.pgn);
    if (games.length > maxGames) throw tooMany(games.length);
    return games.map((g, i) => ({
      game_id: `game-${i + 1}`,
      input: asMoves(checked(g, `game ${i + 1} `)),
      plies: g.plies.length,
    }));
  }
  return req.games!.map((g, i) => {
    const id = g.game_id ?? `game-${i + 1}`;
    const { game_id: _, ...input } = g;
    const game = parseOne(p, input, `games[${i}] (${id}): `);
    return { game_id: id, input, plies: game.plies.length };
  });
}
