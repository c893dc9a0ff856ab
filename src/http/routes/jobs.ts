import { type Context, Hono } from "hono";
import { readJsonObject } from "../../api/body.ts";
import { GatewayError } from "../../errors/gateway-error.ts";
import { batchGames, singleGame } from "../../jobs/games-input.ts";
import { resolvePhases } from "../../jobs/phases.ts";
import { batchRequest, gameRequest, parseBody } from "../../jobs/request.ts";
import { cancel, jobFor, type JobService, submit, viewOf } from "../../jobs/service.ts";
import { identify } from "../middleware/identify.ts";

/** What the job routes need: the job service and the user header (README "Limits"). */
export interface JobRouteDeps {
  service: JobService;
  userHeader: string;
}

const GAME_HINT = 'Send JSON: {"pgn": "1. e4 e5 …"} or {"moves": ["e2e4", …]}, optional ' +
  '"game_id", "depth" or "phases" ([8, 14]), "priority" (high, normal, low)';
const BATCH_HINT = 'Send JSON: {"games": [{"game_id": "…", "pgn": "…"}, …]} or ' +
  '{"pgn": "<many games>"}, optional "depth" or "phases"';

async function body(c: Context, maxBytes: number, hint: string): Promise<Record<string, unknown>> {
  try {
    return await readJsonObject(c, maxBytes);
  } catch (e) {
    if (!(e instanceof GatewayError)) throw e;
    const message = e.code === "payload_too_large"
      ? `The body is over ${maxBytes} bytes (JOB_MAX_BODY_BYTES)`
      : `Cannot analyse: ${e.message}`;
    throw new GatewayError(e.code, message, { hint });
  }
}

function accepted(c: Context, view: { job_id: string }) {
  return c.json(view, 202, { Location: `/v1/jobs/${view.job_id}` });
}

/**
 * The job API of docs/design.md §10: submit one game or a batch (202 with the job), look at a job,
 * cancel it. A refused request (bad game, limit) creates no job.
 */
export function jobRoutes(d: JobRouteDeps): Hono {
  const app = new Hono();
  const s = d.service;
  app.post("/v1/games", async (c) => {
    const req = parseBody(gameRequest, await body(c, s.limits.maxBodyBytes, GAME_HINT), GAME_HINT);
    const phases = resolvePhases(req.depth, req.phases);
    const game = singleGame(s.parsers, req);
    const user = await identify(c, d.userHeader);
    const sub = { kind: "game" as const, user, games: [game], phases, priority: req.priority };
    return accepted(c, await submit(s, sub));
  });
  app.post("/v1/batches", async (c) => {
    const raw = await body(c, s.limits.maxBodyBytes, BATCH_HINT);
    const req = parseBody(batchRequest, raw, BATCH_HINT);
    const phases = resolvePhases(req.depth, req.phases);
    const games = batchGames(s.parsers, req, s.limits.maxGames);
    const user = await identify(c, d.userHeader);
    return accepted(c, await submit(s, { kind: "batch", user, games, phases, priority: "normal" }));
  });
  app.get("/v1/jobs/:id", async (c) => {
    const rec = await jobFor(s, c.req.param("id"), await identify(c, d.userHeader));
    return c.json(await viewOf(s, rec));
  });
  app.delete("/v1/jobs/:id", async (c) => {
    await cancel(s, await jobFor(s, c.req.param("id"), await identify(c, d.userHeader)));
    return c.body(null, 204);
  });
  return app;
}
