import { makeFen } from "chessops/fen";
import { emptyHeaders, type Game, parsePgn, type PgnNodeData } from "chessops/pgn";
import { Chess } from "chessops/chess";
import { invalidGame, withPrefix } from "./invalid.ts";
import { checkTagSection } from "./pgn-tags.ts";
import { replay } from "./replay.ts";
import { sanMove } from "./san-move.ts";
import { startFromFen, startFromHeaders } from "./start.ts";
import type { GameInput, ParsedGame } from "./types.ts";
import { uciMove } from "./uci-move.ts";

const PGN_HINT = 'Send a PGN game: optional tags such as [Event "…"], then the moves in SAN, ' +
  "e.g. 1. e4 e5 2. Nf3 Nc6";

// The games of a PGN text, read by chessops after the tag sections are checked.
function readPgn(pgn: string, withGame: boolean): Game<PgnNodeData>[] {
  checkTagSection(pgn, withGame);
  const games = parsePgn(pgn, emptyHeaders);
  if (games.length === 0) invalidGame("the PGN holds no game", PGN_HINT);
  return games;
}

// One chessops game replayed along its mainline (variations and comments are left out).
function fromPgnGame(game: Game<PgnNodeData>): ParsedGame {
  const sans = [...game.moves.mainline()].map((node) => node.san);
  if (sans.length === 0 && game.headers.size === 0) {
    invalidGame("the text is not a PGN game: it holds no tags and no moves", PGN_HINT);
  }
  const start = startFromHeaders(game.headers);
  const initialFen = makeFen(start.toSetup());
  const { plies, terminal } = replay(start, sans, sanMove);
  return { initialFen, plies, headers: Object.fromEntries(game.headers), terminal };
}

/**
 * Parses and replays one game with chessops: a PGN holding exactly one game (its mainline,
 * from its `[FEN]` when set up), or UCI moves from `initial_fen` (default: the standard start).
 * Throws `invalid_request` naming the ply and the move ("ply 46: illegal move Qxh2").
 */
export function parseGame(input: GameInput): ParsedGame {
  if ("pgn" in input) {
    const games = readPgn(input.pgn, false);
    if (games.length > 1) {
      invalidGame(`the PGN holds ${games.length} games: send one game, or a batch`, PGN_HINT);
    }
    return fromPgnGame(games[0]!);
  }
  const start = input.initial_fen === undefined
    ? Chess.default()
    : startFromFen(input.initial_fen, "initial_fen");
  const initialFen = makeFen(start.toSetup());
  return { initialFen, headers: {}, ...replay(start, input.moves, uciMove) };
}

/**
 * Parses and replays every game of a multi-game PGN (a batch); a bad game's error names it,
 * counting from 1: "game 3, ply 12: ambiguous move Nd2".
 */
export function parseGames(pgn: string): ParsedGame[] {
  return readPgn(pgn, true).map((game, index) =>
    withPrefix(`game ${index + 1}, `, () => fromPgnGame(game))
  );
}
