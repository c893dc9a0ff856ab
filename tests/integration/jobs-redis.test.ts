import assert from "node:assert/strict";
import { mintToken } from "../../src/auth/mint.ts";
import { ADMIN_AUDIENCE } from "../../src/auth/jwt.ts";
import {
  faultStats,
  type Server,
  setFault,
  startFaultSpot,
  startGateway,
} from "../helpers/cluster.ts";
import { waitForOk } from "../helpers/procs.ts";
import { startRedis } from "../helpers/redis.ts";
import { jobEvents, OPERA_GAME, postJson, waitJob } from "../helpers/jobs.ts";

// 34 positions a phase, the last one (mate) not searched: 33 searches a phase.
const SEARCHES_PER_PHASE = 33;

Deno.test("jobs on Redis: the replica running a job is SIGKILLed; the other finishes it without redoing it", async () => {
  const redis = await startRedis();
  const spot = await startFaultSpot({ delayMs: 150 });
  const env = { REDIS_URL: redis.url, JOB_LOCK_MS: "2000", LOG_LEVEL: "info" };
  const servers: Server[] = [];
  try {
    const one = await startGateway({ spot }, env), two = await startGateway({ spot }, env);
    servers.push(one, two);
    for (const gw of servers) await waitForOk(`${gw.url}/readyz`, gw.proc);
    const r = await postJson(`${one.url}/v1/games`, { pgn: OPERA_GAME, phases: [4, 8] });
    assert.equal(r.status, 202, JSON.stringify(r.body));
    const id = r.body.job_id as string;
    let done = 0;
    for (let i = 0; i < 300 && done < 12; i++) {
      done = (await (await fetch(`${two.url}/v1/jobs/${id}`)).json()).progress.done;
      if (done < 12) await new Promise((res) => setTimeout(res, 20));
    }
    const runner = servers.find((s) => s.proc.output().includes(`"job started"`))!;
    const other = servers.find((s) => s !== runner)!;
    done = (await (await fetch(`${other.url}/v1/jobs/${id}`)).json()).progress.done;
    await runner.stop("SIGKILL");
    const job = await waitJob(other.url, id, ["completed", "failed"], 60_000);
    assert.equal(job.status, "completed", job.error);
    assert.equal(job.games[0].plies.length, 33);
    assert.match(other.proc.output(), /"job started".*"resumed_positions":\d+/);
    const searched = (await faultStats(spot)).analyze;
    const again = searched - 2 * SEARCHES_PER_PHASE;
    assert.ok(done > 0, "the job had progressed before the kill");
    assert.ok(again < done, `searched again: ${again}, done before the kill: ${done}`);
    const { events } = await jobEvents(other.url, id);
    const games = events.filter((e) => e.event === "game").map((e) => JSON.parse(e.data).phase);
    assert.deepEqual(games, [1, 2], "each phase's game published once");
    const ids = events.map((e) => Number(e.id));
    assert.deepEqual(ids, ids.map((_, i) => i + 1), "one numbering across both replicas");
  } finally {
    for (const s of servers) await s.stop("SIGKILL").catch(() => {});
    await spot.stop();
    await redis.stop();
  }
});

Deno.test("jobs on Redis: a job that fails every attempt is listed as failed and can be retried", async () => {
  const redis = await startRedis();
  const spot = await startFaultSpot({ delayMs: 5 });
  const secret = "jobs-admin-secret-jobs-admin-secret";
  const gw = await startGateway({ spot }, {
    REDIS_URL: redis.url,
    JOB_ATTEMPTS: "2",
    JOB_BACKOFF_MS: "100",
    ADMIN_JWT_SECRET: secret,
  });
  try {
    await waitForOk(`${gw.url}/readyz`, gw.proc);
    const token = await mintToken({
      secret,
      audience: ADMIN_AUDIENCE,
      subject: "admin",
      claims: { role: "admin" },
      ttlS: 600,
    });
    const admin = { Authorization: `Bearer ${token}` };
    await setFault(spot, "400");
    const r = await postJson(`${gw.url}/v1/games`, { moves: ["e2e4", "e7e5"], phases: [4] });
    const id = r.body.job_id as string;
    const failed = await waitJob(gw.url, id, ["failed"], 30_000);
    assert.equal(failed.attempts, 2);
    assert.match(failed.error, /refuses|400|invalid/i);
    const { events } = await jobEvents(gw.url, id);
    assert.equal(events.at(-1)!.event, "failed");
    const unauth = await fetch(`${gw.url}/admin/jobs?status=failed`);
    assert.equal(unauth.status, 401);
    await unauth.body?.cancel();
    const list = await (await fetch(`${gw.url}/admin/jobs?status=failed`, { headers: admin }))
      .json();
    assert.deepEqual(list.jobs.map((j: { job_id: string }) => j.job_id), [id]);
    await setFault(spot, "ok");
    const retried = await fetch(`${gw.url}/admin/jobs/${id}/retry`, {
      method: "POST",
      headers: admin,
    });
    assert.equal(retried.status, 202);
    await retried.body?.cancel();
    const job = await waitJob(gw.url, id, ["completed"], 30_000);
    assert.equal(job.games[0].plies.length, 2);
    const after = await (await fetch(`${gw.url}/admin/jobs?status=failed`, { headers: admin }))
      .json();
    assert.deepEqual(after.jobs, []);
    const notFailed = await fetch(`${gw.url}/admin/jobs/${id}/retry`, {
      method: "POST",
      headers: admin,
    });
    assert.equal(notFailed.status, 400);
    await notFailed.body?.cancel();
    const healthz = await (await fetch(`${gw.url}/healthz`)).json();
    assert.equal(healthz.jobs.backend, "redis");
  } finally {
    await gw.stop();
    await spot.stop();
    await redis.stop();
  }
});

Deno.test("jobs on Redis: the gateway warns once at start when Redis may evict keys", async () => {
  const redis = await startRedis();
  const spot = await startFaultSpot();
  const servers: Server[] = [];
  try {
    const cli = new Deno.Command("redis-cli", {
      args: ["-p", String(redis.port), "CONFIG", "SET", "maxmemory-policy", "allkeys-lru"],
      stdout: "null",
    });
    assert.ok((await cli.output()).success);
    servers.push(await startGateway({ spot }, { REDIS_URL: redis.url }));
    const warned = () =>
      servers[0]!.proc.output().split("\n").filter((l) =>
        l.includes("maxmemory-policy is allkeys-lru")
      );
    await waitForOk(`${servers[0]!.url}/readyz`, servers[0]!.proc);
    assert.equal(warned().length, 1, servers[0]!.proc.output());
    assert.equal(JSON.parse(warned()[0]!).level, "warn");
    await new Deno.Command("redis-cli", {
      args: ["-p", String(redis.port), "CONFIG", "SET", "maxmemory-policy", "noeviction"],
      stdout: "null",
    }).output();
    servers.push(await startGateway({ spot }, { REDIS_URL: redis.url }));
    await waitForOk(`${servers[1]!.url}/readyz`, servers[1]!.proc);
    assert.doesNotMatch(servers[1]!.proc.output(), /maxmemory-policy is/);
  } finally {
    for (const s of servers) await s.stop();
    await spot.stop();
    await redis.stop();
  }
});

Deno.test("jobs on Redis: a replica stopped with SIGTERM hands its running job back at once", async () => {
  const redis = await startRedis();
  const spot = await startFaultSpot({ delayMs: 150 });
  // A lock far longer than the test: only a hand-back, not a takeover after the lock, can pass.
  const env = { REDIS_URL: redis.url, JOB_LOCK_MS: "120000" };
  const servers: Server[] = [];
  try {
    servers.push(await startGateway({ spot }, env), await startGateway({ spot }, env));
    for (const gw of servers) await waitForOk(`${gw.url}/readyz`, gw.proc);
    const r = await postJson(`${servers[0]!.url}/v1/games`, { pgn: OPERA_GAME, phases: [4, 8] });
    const id = r.body.job_id as string;
    let runner: Server | undefined;
    for (let i = 0; i < 200 && !runner; i++) {
      runner = servers.find((s) => s.proc.output().includes(`"job started"`));
      if (!runner) await new Promise((res) => setTimeout(res, 20));
    }
    const other = servers.find((s) => s !== runner)!;
    const status = await runner!.stop("SIGTERM");
    assert.equal(status.code, 0, runner!.proc.output());
    const job = await waitJob(other.url, id, ["completed", "failed"], 30_000);
    assert.equal(job.status, "completed", job.error);
    assert.equal(job.attempts, 1, "handing a job back spends no attempt");
  } finally {
    for (const s of servers) await s.stop("SIGKILL").catch(() => {});
    await spot.stop();
    await redis.stop();
  }
});
