/**
 * Generates the golden fixture of the game-analysis test, ONCE, with real Stockfish:
 * `deno run -A scripts/analysis-fixture.ts [--engine /usr/games/stockfish] [--depth 10]`
 * replays the Opera Game (Morphy vs the Duke of Brunswick and Count Isouard, Paris 1858) with
 * `parseGame`, searches every position at the depth with one engine (the spot's own UCI client),
 * and writes each evaluation as the spot returns it (side to move's view; null for a terminal
 * position) to tests/fixtures/analysis/opera-game.json. The test never runs an engine itself.
 */
import { parseGame } from "../src/analysis/game.ts";
import { flag } from "../src/auth/mint.ts";
import { EngineProcess } from "../src/spot/engine.ts";
import { runSearch } from "../src/spot/search.ts";
import { handshake } from "../src/spot/uci-handshake.ts";
import { OPERA_GAME } from "../tests/helpers/jobs.ts";

const depth = Number(flag(Deno.args, "depth") ?? 10);
const engine = new EngineProcess([flag(Deno.args, "engine") ?? "/usr/games/stockfish"]);
try {
  await handshake(engine);
  await engine.send("setoption name Threads value 1");
  const game = parseGame({ pgn: OPERA_GAME });
  const fens = [...game.plies.map((p) => p.fenBefore), game.plies.at(-1)!.fenAfter];
  const evals = [];
  for (const [index, fen] of fens.entries()) {
    if (index === fens.length - 1 && game.terminal) {
      evals.push(null);
      continue;
    }
    const request = { fen, depth, multipv: 1 };
    const deadlines = { readyMs: 10_000, searchMs: 120_000 };
    const result = await runSearch(
      engine,
      request,
      1,
      () => {},
      new AbortController().signal,
      deadlines,
    );
    evals.push({ score: result.lines[0]!.score, best: result.bestmove });
  }
  const fixture = { engine: engine.name, depth, pgn: OPERA_GAME, evals };
  const path = new URL("../tests/fixtures/analysis/opera-game.json", import.meta.url);
  await Deno.writeTextFile(path, JSON.stringify(fixture, null, 2) + "\n");
  // deno-lint-ignore no-console -- a command-line tool reports what it wrote
  console.log(
    `wrote ${evals.length} evaluations (${engine.name}, depth ${depth}) to ${path.pathname}`,
  );
} finally {
  await engine.kill();
}
