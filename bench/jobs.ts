/**
 * Game analysis job scenarios (issue [jobs]): a long game on one and on two one-engine
 * Stockfish spots, a batch against the seed's sequential way, the batch again (cache), and an
 * interactive stream's time to first event while a batch runs. Games come from Stockfish
 * self-play at a low depth (deterministic: one thread, fixed depth), so every run analyses
 * the same real games. Every job is bounded by a timeout; every process is stopped by PID.
 */
import { Chess } from "chessops/chess";
import { makeFen } from "chessops/fen";
import { parseUci } from "chessops/util";
import type { Server } from "../tests/helpers/cluster.ts";
import { waitForOk } from "../tests/helpers/procs.ts";
import { parseSse } from "../src/sse/parse.ts";
import { median, round, streamOnce, streamUrl } from "./load.ts";
import { positions } from "./positions.ts";

type Track = <T extends Server>(s: T) => T;
type StartSpot = (o: { engines: number; queue: number }) => Promise<Server>;
type StartGateway = (
  spots: Record<string, Server>,
  env?: Record<string, string>,
) => Promise<Server>;

/** What the job scenarios need: process starters and the run's sizes. */
export interface JobBench {
  track: Track;
  startSpot: StartSpot;
  startGateway: StartGateway;
  /** Plies of the long game (80), games in the batch (20) and their plies (30). */
  longPlies: number;
  batchGames: number;
  batchPlies: number;
  phases: number[];
  /** Interactive streams measured idle and during the batch (each). */
  samples: number;
}

const OPENINGS = ["e2e4", "d2d4", "c2c4", "g1f3", "e2e3", "b1c3", "g2g3", "f2f4", "b2b3", "d2d3"];
const REPLIES = ["e7e5", "d7d5", "g8f6", "c7c5"];

/** A game of `plies` from Stockfish self-play at `depth` after `opening` (ends early at a mate). */
export async function selfPlay(
  spot: string,
  opening: string[],
  plies: number,
  depth = 5,
): Promise<string[]> {
  const pos = Chess.default();
  const moves: string[] = [];
  for (const uci of opening) (pos.play(parseUci(uci)!), moves.push(uci));
  while (moves.length < plies && !pos.isEnd()) {
    const res = await fetch(`${spot}/analyze`, {
      method: "POST",
      body: JSON.stringify({ fen: makeFen(pos.toSetup()), depth, multipv: 1 }),
    });
    const best = (await res.json()).bestmove as string;
    pos.play(parseUci(best)!);
    moves.push(best);
  }
  return moves;
}

/** Submits a job and follows its events: seconds to the first `game` event and to `done`. */
async function timeJob(gw: string, path: string, body: unknown, timeoutMs = 900_000) {
  const t0 = performance.now();
  const res = await fetch(`${gw}${path}`, { method: "POST", body: JSON.stringify(body) });
  const job = await res.json();
  if (res.status !== 202) throw new Error(`${path}: ${res.status} ${JSON.stringify(job)}`);
  const signal = AbortSignal.timeout(timeoutMs);
  const events = await fetch(`${gw}/v1/jobs/${job.job_id}/events`, { signal });
  let firstGame = NaN;
  for await (const c of parseSse(events.body!)) {
    if (c.kind !== "event") continue;
    if (c.event.event === "game" && Number.isNaN(firstGame)) firstGame = performance.now() - t0;
    if (c.event.event === "failed") throw new Error(`job failed: ${c.event.data}`);
    if (c.event.event === "done") break;
  }
  return { first_game_s: round(firstGame / 1000), wall_s: round((performance.now() - t0) / 1000) };
}

/** Fresh one-engine spots and a gateway over them, ready (their engines' hash tables empty). */
async function fleet(b: JobBench, spots: number) {
  const started: Record<string, Server> = {};
  for (let i = 0; i < spots; i++) {
    started[`s${i}`] = b.track(await b.startSpot({ engines: 1, queue: 64 }));
  }
  const env = { LOG_LEVEL: "warn", SPOT_REQUEST_TIMEOUT: "120", JOB_MAX_BODY_BYTES: "4194304" };
  const gw = b.track(await b.startGateway(started, env));
  await waitForOk(`${gw.url}/readyz`, gw.proc, 30_000);
  const stop = async () => {
    for (const s of [gw, ...Object.values(started)]) await s.stop("SIGKILL").catch(() => {});
  };
  return { gw, spots: Object.values(started), stop };
}

/** The seed's way: one engine, one position after another, every phase, straight to a spot. */
async function sequential(spot: string, games: string[][], phases: number[]) {
  const t0 = performance.now();
  for (const depth of phases) {
    for (const moves of games) {
      const pos = Chess.default();
      const fens = [makeFen(pos.toSetup())];
      for (const m of moves) (pos.play(parseUci(m)!), fens.push(makeFen(pos.toSetup())));
      for (const fen of fens) {
        const res = await fetch(`${spot}/analyze`, {
          method: "POST",
          body: JSON.stringify({ fen, depth, multipv: 1 }),
        });
        await res.arrayBuffer();
      }
    }
  }
  return round((performance.now() - t0) / 1000);
}

/** Every job scenario; figures in seconds (and ratios). */
export async function jobScenarios(b: JobBench): Promise<Record<string, unknown>> {
  const maker = await fleet(b, 1);
  const spot = maker.spots[0]!.url;
  const long = await selfPlay(spot, ["e2e4", "c7c5"], b.longPlies);
  const games: string[][] = [];
  for (let i = 0; games.length < b.batchGames; i++) {
    const opening = [OPENINGS[i % OPENINGS.length]!, REPLIES[Math.floor(i / OPENINGS.length) % 4]!];
    games.push(await selfPlay(spot, opening, b.batchPlies));
  }
  await maker.stop();
  const out: Record<string, unknown> = { phases: b.phases, long_game_plies: long.length };
  for (const n of [1, 2]) {
    const f = await fleet(b, n);
    const t = await timeJob(f.gw.url, "/v1/games", { moves: long, phases: b.phases });
    out[`long_game_${n}_spot${n > 1 ? "s" : ""}`] = t;
    await f.stop();
  }
  const batch = { games: games.map((moves, i) => ({ game_id: `g${i}`, moves })), phases: b.phases };
  const f = await fleet(b, 2);
  const first = await timeJob(f.gw.url, "/v1/batches", batch);
  const again = await timeJob(f.gw.url, "/v1/batches", batch);
  // Interactive streams: idle, then while the same batch runs once more.
  const fens = positions(b.samples * 2, 7);
  const ttfe = async (fen: string) => (await streamOnce(streamUrl(f.gw.url, 12, 1, fen))).ttfe;
  const idle: number[] = [];
  for (const fen of fens.slice(0, b.samples)) idle.push(await ttfe(fen));
  const running = timeJob(f.gw.url, "/v1/batches", batch);
  await new Promise((r) => setTimeout(r, 1000));
  const busy: number[] = [];
  for (const fen of fens.slice(b.samples)) {
    busy.push(await ttfe(fen));
    await new Promise((r) => setTimeout(r, 200));
  }
  await running;
  await f.stop();
  const one = await fleet(b, 1);
  const seq = await sequential(one.spots[0]!.url, games, b.phases);
  await one.stop();
  return {
    ...out,
    batch: { games: games.length, plies_each: b.batchPlies, two_spots: first, sequential_s: seq },
    batch_speedup: round(seq / first.wall_s),
    batch_again: again,
    // Without the position cache on main the second run searches everything again.
    batch_again_speedup: round(first.wall_s / again.wall_s),
    interactive_ttfe_ms: { idle: round(median(idle)), during_batch: round(median(busy)) },
    interactive_ttfe_ratio: round(median(busy) / median(idle)),
  };
}
