import { Chess } from "chessops/chess";
import { parseFen } from "chessops/fen";
import { validateFen } from "../chess/fen.ts";
import { invalidGame, withPrefix } from "./invalid.ts";

// The PGN [Variant] names that mean standard chess (Chess960 and the variants are refused).
const STANDARD = new Set(["standard", "chess", "from position", "normal", "classical"]);

/**
 * The position of a FEN, checked by the gateway's strict rules (DESIGN §5, `validateFen`);
 * a bad FEN is `invalid_request` naming where it came from (`label`) with validateFen's hint.
 */
export function startFromFen(fen: string, label: string): Chess {
  withPrefix(`${label}: `, () => validateFen(fen));
  return Chess.fromSetup(parseFen(fen).unwrap()).unwrap();
}

/**
 * The starting position of a PGN game: its `[FEN]` tag when there is one (with `[SetUp "1"]`;
 * a FEN tag under `[SetUp "0"]` is contradictory and refused), else the standard start. Only
 * standard chess: another `[Variant]` is refused.
 */
export function startFromHeaders(headers: Map<string, string>): Chess {
  const variant = headers.get("Variant");
  if (variant !== undefined && !STANDARD.has(variant.trim().toLowerCase())) {
    invalidGame(`unsupported variant ${JSON.stringify(variant)}: only standard chess is analysed`);
  }
  const fen = headers.get("FEN");
  if (fen === undefined) return Chess.default();
  if (headers.get("SetUp")?.trim() === "0") {
    invalidGame('the PGN has a [FEN] tag under [SetUp "0"]: use [SetUp "1"] with [FEN]');
  }
  return startFromFen(fen.trim(), "[FEN]");
}
