import type { PositionEval } from "../analysis/types.ts";
import { withRetries } from "./backoff.ts";
import { chains, positionsOf } from "./plan.ts";
import type { RunContext } from "./run-context.ts";
import { evalKey } from "./types.ts";

async function publishGame(ctx: RunContext, g: number, phase: number, evals: PositionEval[]) {
  // A run that took over from a dead replica does not publish a game twice.
  if ((ctx.results.get(g)?.phase ?? 0) >= phase) return;
  const { deps, rec } = ctx;
  const depth = rec.phases[phase - 1]!;
  const opts = { gameId: ctx.gameIds[g]!, phase, depth };
  const analysis = deps.analyser.analyseGame(ctx.games[g]!, evals, opts);
  ctx.results.set(g, analysis);
  await deps.log.saveGame(rec.id, g, analysis);
  await deps.log.append(rec.id, "game", analysis);
}

/** One game's phase in progress: its evaluations so far and how many are still to come. */
interface GamePhase {
  g: number;
  phase: number;
  evals: PositionEval[];
  missing: number;
}

/**
 * Searches a chain of one game's positions one after another, from the last to the first as
 * fishnet does, each on the spot that searched the previous one (its hash holds the lines
 * that follow). The chain keeps its fan-out slot from one position to the next, and gives it
 * up only while more urgent work (a single game, for a batch) waits. Each result is stored as
 * it comes (a takeover skips it); the game's `GameAnalysis` is published once its last
 * position is in.
 */
async function runChain(ctx: RunContext, game: GamePhase, indices: number[]): Promise<void> {
  const { deps, rec, signal } = ctx;
  const depth = rec.phases[game.phase - 1]!;
  const fens = positionsOf(ctx.games[game.g]!).map((p) => p.fen);
  const rest = [...indices].reverse();
  let home: string | undefined;
  const one = async () => {
    const i = rest.shift()!;
    const found = await withRetries(
      () => deps.search(fens[i]!, depth, signal, rec.id, home),
      signal,
    );
    home = found.spot;
    deps.metrics.positions.inc({ source: found.source });
    const value = { score: found.score, best: found.best };
    const key = evalKey(game.phase, game.g, i);
    game.evals[i] = value;
    ctx.stored.set(key, value);
    await deps.log.saveEval(rec.id, key, value);
    await ctx.progress.advance();
    if (--game.missing === 0) await publishGame(ctx, game.g, game.phase, game.evals);
  };
  while (rest.length > 0) {
    await deps.fanout.run(ctx.rank, signal, async () => {
      do await one(); while (rest.length > 0 && !deps.fanout.urgentThan(ctx.rank));
    }, home !== undefined);
  }
}

/**
 * Phase `phase` of a job: every position of every game not yet evaluated at this phase, in
 * chains spread over the fleet at once — a game in as many chains as the fleet has engines
 * per game (a single game's positions run on every engine in parallel), a batch's games a
 * chain each. The first failure stops the rest.
 */
export async function runPhase(ctx: RunContext, phase: number): Promise<void> {
  const parts = Math.ceil(ctx.deps.fanout.limit / Math.max(1, ctx.games.length));
  const pending: Promise<void>[] = [];
  ctx.games.forEach((game, g) => {
    const planned = positionsOf(game);
    const todo: number[] = [];
    const evals: PositionEval[] = new Array(planned.length).fill(null);
    planned.forEach((p, i) => {
      const stored = ctx.stored.get(evalKey(phase, g, i));
      if (p.terminal) return;
      if (stored !== undefined) {
        evals[i] = stored;
        ctx.deps.metrics.positions.inc({ source: "stored" });
      } else todo.push(i);
    });
    const state = { g, phase, evals, missing: todo.length };
    if (todo.length === 0) pending.push(publishGame(ctx, g, phase, evals));
    for (const chain of chains(todo, parts)) pending.push(runChain(ctx, state, chain));
  });
  await Promise.all(pending);
}
