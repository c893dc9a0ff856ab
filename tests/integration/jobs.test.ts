import assert from "node:assert/strict";
import { type Server, startGateway, startSpot } from "../helpers/cluster.ts";
import { waitForOk } from "../helpers/procs.ts";
import { jobEvents, OPERA_GAME, postJson, SHORT_GAMES, waitJob } from "../helpers/jobs.ts";

const PHASES = [4, 8];

async function stopAll(servers: Server[]) {
  for (const s of servers) await s.stop().catch(() => {});
}

Deno.test("jobs on real Stockfish spots: a game, reconnects, a batch, bad games, the per-user limit", async (t) => {
  const a = await startSpot(), b = await startSpot();
  const gw = await startGateway({ a, b });
  try {
    await waitForOk(`${gw.url}/readyz`, gw.proc);
    await t.step("a 33-ply game: every ply evaluated, both phases published in order", async () => {
      const r = await postJson(`${gw.url}/v1/games`, {
        pgn: OPERA_GAME,
        game_id: "opera",
        phases: PHASES,
      });
      assert.equal(r.status, 202, JSON.stringify(r.body));
      assert.equal(r.headers.get("location"), `/v1/jobs/${r.body.job_id}`);
      const { events } = await jobEvents(gw.url, r.body.job_id as string);
      const games = events.filter((e) => e.event === "game").map((e) => JSON.parse(e.data));
      assert.deepEqual(games.map((g) => [g.game_id, g.phase, g.depth]), [["opera", 1, 4], [
        "opera",
        2,
        8,
      ]]);
      for (const g of games) {
        assert.equal(g.plies.length, 33);
        for (const p of g.plies) assert.ok("cp" in p.eval || "mate" in p.eval, `ply ${p.ply}`);
        assert.deepEqual(g.plies[32].eval, { mate: 0 }, "Rd8# mates");
      }
      assert.equal(events.at(-1)!.event, "done");
      const ids = events.map((e) => Number(e.id));
      assert.deepEqual(ids, ids.map((_, i) => i + 1), "ids are 1, 2, 3, …");
      const done = JSON.parse(events.at(-1)!.data);
      assert.equal(done.status, "completed");
      assert.deepEqual(done.progress, { done: 68, total: 68, percent: 100 });
      assert.equal(done.games.length, 1);
      assert.equal(done.games[0].phase, 2);
      // Reconnects: after the 5th event the rest follows without a repeat; after done, 204.
      const rest = await jobEvents(gw.url, r.body.job_id as string, { lastEventId: "5" });
      assert.deepEqual(rest.events.map((e) => Number(e.id)), ids.slice(5));
      const over = await jobEvents(gw.url, r.body.job_id as string, {
        lastEventId: String(ids.at(-1)),
      });
      assert.equal(over.status, 204);
    });
    await t.step("a batch of 3 games completes with progress rising to 100", async () => {
      const games = SHORT_GAMES.slice(0, 3).map((moves, i) => ({ game_id: `g${i}`, moves }));
      const r = await postJson(`${gw.url}/v1/batches`, { games, phases: PHASES }, {
        "X-User-ID": "u1",
      });
      assert.equal(r.status, 202, JSON.stringify(r.body));
      const { events } = await jobEvents(gw.url, r.body.job_id as string);
      const percents = events.filter((e) => e.event === "progress").map((e) =>
        JSON.parse(e.data).percent
      );
      assert.ok(percents.every((p, i) => i === 0 || p >= percents[i - 1]!), `rising: ${percents}`);
      assert.equal(percents.at(-1), 100);
      const job = await waitJob(gw.url, r.body.job_id as string, ["completed"]);
      assert.deepEqual(job.games.map((g: { game_id: string }) => g.game_id), ["g0", "g1", "g2"]);
      assert.equal(job.kind, "batch");
      assert.equal(job.user_id, "u1");
    });
    await t.step(
      "a user's second active batch is 429 naming the first; cancelling frees it",
      async () => {
        const games = [{ pgn: OPERA_GAME }];
        const first = await postJson(`${gw.url}/v1/batches`, { games, phases: [20] }, {
          "X-User-ID": "u2",
        });
        assert.equal(first.status, 202);
        const second = await postJson(`${gw.url}/v1/batches`, { games, phases: PHASES }, {
          "X-User-ID": "u2",
        });
        assert.equal(second.status, 429);
        const err = second.body.error as { code: string; message: string };
        assert.equal(err.code, "user_concurrency_limit");
        assert.match(err.message, new RegExp(`job ${first.body.job_id}`));
        assert.ok(Number(second.headers.get("retry-after")) > 0);
        const other = await postJson(`${gw.url}/v1/batches`, { games, phases: [4] }, {
          "X-User-ID": "u3",
        });
        assert.equal(other.status, 202, "another user is not held up");
        const del = await fetch(`${gw.url}/v1/jobs/${first.body.job_id}`, { method: "DELETE" });
        assert.equal(del.status, 204);
        assert.equal(
          (await fetch(`${gw.url}/v1/jobs/${first.body.job_id}`, { method: "DELETE" })).status,
          204,
        );
        const again = await postJson(`${gw.url}/v1/batches`, { games, phases: [4] }, {
          "X-User-ID": "u2",
        });
        assert.equal(again.status, 202, JSON.stringify(again.body));
        await waitJob(gw.url, again.body.job_id as string, ["completed"]);
        await waitJob(gw.url, other.body.job_id as string, ["completed"]);
      },
    );
    await t.step("a bad game is 400 naming the ply and the move; no job is created", async () => {
      const bad = await postJson(`${gw.url}/v1/games`, { pgn: "1. e4 e5 2. Ke3 Nc6" });
      assert.equal(bad.status, 400);
      assert.match((bad.body.error as { message: string }).message, /ply 3.*Ke3/);
      const batch = await postJson(`${gw.url}/v1/batches`, {
        games: [{ game_id: "ok", moves: ["e2e4"] }, { game_id: "g2", moves: ["e2e4", "e2e4"] }],
      });
      assert.equal(batch.status, 400);
      assert.match((batch.body.error as { message: string }).message, /games\[1\] \(g2\): ply 2/);
      const none = await postJson(`${gw.url}/v1/games`, { game_id: "x" });
      assert.match((none.body.error as { message: string }).message, /no game/);
      const notJson = await fetch(`${gw.url}/v1/games`, { method: "POST", body: "1. e4 e5" });
      assert.equal(notJson.status, 400);
      await notJson.body?.cancel();
      const phases = await postJson(`${gw.url}/v1/games`, { moves: ["e2e4"], phases: [8, 6] });
      assert.match((phases.body.error as { message: string }).message, /ascend/);
      const healthz = await (await fetch(`${gw.url}/healthz`)).json();
      assert.equal(healthz.jobs.waiting, 0, "no job waits from a refused request");
      assert.equal(healthz.jobs.backend, "memory");
      const unknown = await fetch(`${gw.url}/v1/jobs/nope`);
      assert.equal(unknown.status, 404);
      assert.equal((await unknown.json()).error.code, "not_found");
    });
    await t.step("the job metrics are exported", async () => {
      const text = await (await fetch(`${gw.url}/metrics`)).text();
      assert.match(text, /spotgate_jobs_total\{kind="game",outcome="completed"\} 1/);
      assert.match(text, /spotgate_jobs_total\{kind="batch",outcome="cancelled"\} 1/);
      assert.match(text, /spotgate_jobs_waiting 0/);
      assert.match(text, /spotgate_job_positions_total\{source="engine"\} \d+/);
      assert.match(text, /spotgate_job_phase_seconds_count\{phase="2"\} \d+/);
      assert.match(text, /spotgate_job_wait_seconds_count \d+/);
      assert.match(text, /spotgate_job_duration_seconds_count\{kind="batch"\} \d+/);
      assert.match(text, /spotgate_jobs_active 0/);
    });
  } finally {
    await stopAll([gw, a, b]);
  }
});

Deno.test("jobs: a full queue is 503 with Retry-After; cancel stops the spot's search", async () => {
  const spot = await startSpot({ engines: 1 });
  const gw = await startGateway({ spot }, { JOB_QUEUE_MAX: "1", JOB_CONCURRENCY: "1" });
  try {
    await waitForOk(`${gw.url}/readyz`, gw.proc);
    const deep = { moves: ["e2e4", "e7e5"], phases: [28] };
    const running = await postJson(`${gw.url}/v1/games`, deep);
    await waitJob(gw.url, running.body.job_id as string, ["running"]);
    const queued = await postJson(`${gw.url}/v1/games`, deep);
    assert.equal(queued.status, 202);
    assert.equal(queued.body.queue_position, 1);
    const full = await postJson(`${gw.url}/v1/games`, deep);
    assert.equal(full.status, 503);
    assert.equal((full.body.error as { code: string }).code, "capacity_exhausted");
    assert.ok(Number(full.headers.get("retry-after")) > 0);
    // The running job's depth-28 search keeps the engine busy until it is cancelled.
    const busy = async () => (await (await fetch(`${spot.url}/health`)).json()).busy;
    assert.equal(await busy(), 1);
    for (const job of [queued, running]) {
      assert.equal(
        (await fetch(`${gw.url}/v1/jobs/${job.body.job_id}`, { method: "DELETE" })).status,
        204,
      );
    }
    let idle = false;
    for (let i = 0; i < 50 && !idle; i++) {
      idle = (await busy()) === 0;
      if (!idle) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(idle, "the spot stopped its engine within 5 s of the cancel");
    const job = await waitJob(gw.url, running.body.job_id as string, ["cancelled"]);
    assert.ok(job.finished_at);
    const { events } = await jobEvents(gw.url, running.body.job_id as string);
    assert.equal(JSON.parse(events.at(-1)!.data).status, "cancelled");
  } finally {
    await stopAll([gw, spot]);
  }
});

Deno.test("jobs: a spot SIGKILLed mid-job costs retries, not the job", async () => {
  const a = await startSpot(), b = await startSpot();
  const gw = await startGateway({ a, b });
  try {
    await waitForOk(`${gw.url}/readyz`, gw.proc);
    const r = await postJson(`${gw.url}/v1/games`, { pgn: OPERA_GAME, phases: [8, 14] });
    for (let i = 0; i < 200; i++) {
      const job = await (await fetch(`${gw.url}/v1/jobs/${r.body.job_id}`)).json();
      if (job.progress.done > 2) break;
      await new Promise((res) => setTimeout(res, 25));
    }
    await b.stop("SIGKILL");
    const job = await waitJob(gw.url, r.body.job_id as string, ["completed", "failed"], 90_000);
    assert.equal(job.status, "completed", job.error);
    assert.equal(job.games[0].plies.length, 33);
  } finally {
    await stopAll([gw, a, b]);
  }
});
