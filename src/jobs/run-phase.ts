import type { PositionEval } from "../analysis/types.ts";
import { withRetries } from "./backoff.ts";
import { positionsOf } from "./plan.ts";
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

async function evaluate(ctx: RunContext, fen: string, depth: number): Promise<PositionEval> {
  const { deps, rec, signal } = ctx;
  const found = await deps.fanout.run(
    ctx.rank,
    signal,
    () => withRetries(() => deps.search(fen, depth, signal, rec.id), signal),
  );
  deps.metrics.positions.inc({ source: found.source });
  return { score: found.score, best: found.best };
}

/**
 * Phase `phase` of a job: every position of every game not yet evaluated at this phase goes
 * to the fan-out at once (so a game's positions run on every engine in parallel); each result
 * is stored as it comes (a takeover skips it), and a game's `GameAnalysis` is published as
 * soon as its last position is in. The first failure stops the rest.
 */
export async function runPhase(ctx: RunContext, phase: number): Promise<void> {
  const depth = ctx.rec.phases[phase - 1]!;
  const pending: Promise<void>[] = [];
  ctx.games.forEach((game, g) => {
    const planned = positionsOf(game);
    const evals: PositionEval[] = new Array(planned.length).fill(null);
    let missing = 0;
    planned.forEach((p, i) => {
      const key = evalKey(phase, g, i);
      if (p.terminal) return;
      if (ctx.stored.has(key)) {
        evals[i] = ctx.stored.get(key)!;
        ctx.deps.metrics.positions.inc({ source: "stored" });
        return;
      }
      missing++;
      pending.push(
        evaluate(ctx, p.fen, depth).then(async (value) => {
          evals[i] = value;
          ctx.stored.set(key, value);
          await ctx.deps.log.saveEval(ctx.rec.id, key, value);
          await ctx.progress.advance();
          if (--missing === 0) await publishGame(ctx, g, phase, evals);
        }),
      );
    });
    if (missing === 0) pending.push(publishGame(ctx, g, phase, evals));
  });
  await Promise.all(pending);
}
