import { z } from "zod";
import { GatewayError } from "../errors/gateway-error.ts";

const gameId = z.string({ error: "game_id must be a string" }).trim()
  .min(1, "game_id is empty").max(128, "game_id is over 128 characters")
  .refine((v) => ![...v].some((ch) => ch.charCodeAt(0) < 32), "game_id has a control character");
const pgn = z.string({ error: "pgn must be a string of PGN text" }).min(1, "pgn is empty");
const moves = z.array(z.string({ error: "moves must be UCI strings" }), {
  error: "moves must be an array of UCI moves",
});
const initialFen = z.string({ error: "initial_fen must be a FEN string" });
const depth = z.number({ error: "depth must be an integer" });
const phases = z.array(z.number({ error: "phases must be integers" }), {
  error: "phases must be an array of depths",
});

/** One game in a request: PGN text, or UCI moves from an optional FEN; an optional id. */
const game = z.strictObject({ game_id: gameId.optional(), pgn }, {
  error: 'a game needs "pgn" (PGN text) or "moves" (UCI moves)',
}).or(z.strictObject({ game_id: gameId.optional(), moves, initial_fen: initialFen.optional() }));

/** `POST /v1/games`: one game and its options (docs/design.md §10). */
export const gameRequest = z.object({
  game_id: gameId.optional(),
  pgn: pgn.optional(),
  moves: moves.optional(),
  initial_fen: initialFen.optional(),
  depth: depth.optional(),
  phases: phases.optional(),
  priority: z.enum(["high", "normal", "low"], {
    error: 'priority must be "high", "normal" or "low"',
  }).default("normal"),
});

/** `POST /v1/batches`: `games` (each with `pgn` or `moves`), or `pgn` holding many games. */
export const batchRequest = z.object({
  games: z.array(game, { error: "games must be an array of games" }).optional(),
  pgn: pgn.optional(),
  depth: depth.optional(),
  phases: phases.optional(),
});

/** A validated `POST /v1/games` body. */
export type GameRequest = z.infer<typeof gameRequest>;

/** A validated `POST /v1/batches` body. */
export type BatchRequest = z.infer<typeof batchRequest>;

/** Where a zod issue points, as a reader would write it: `games[2].pgn`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, p) => typeof p === "number" ? `${out}[${p}]` : out ? `${out}.${String(p)}` : String(p),
    "",
  );
}

/** Parses a request body against `schema`; a refusal is 400 `invalid_request` naming the field. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown, hint: string): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issuePath(issue.path);
  const message = where ? `${where}: ${issue.message}` : issue.message;
  throw new GatewayError("invalid_request", `Cannot analyse: ${message}`, { hint });
}
