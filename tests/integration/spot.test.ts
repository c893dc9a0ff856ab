import assert from "node:assert/strict";
import { checkSequence, readEvents, START, startSpot, streamUrl } from "../helpers/cluster.ts";

const MATE = "rnb1kbnr/pppp1ppp/8/4p3/6Pq/5P2/PPPPP2P/RNBQKBNR w KQkq - 1 3";
const STALEMATE = "7k/5Q2/6K1/8/8/8/8/8 b - - 0 1";

function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const e of Deno.readDirSync("/proc")) {
    if (!/^\d+$/.test(e.name)) continue;
    try {
      const stat = Deno.readTextFileSync(`/proc/${e.name}/stat`);
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) {
        out.push(Number(e.name));
      }
    } catch { /* gone */ }
  }
  return out;
}

Deno.test("spot: real Stockfish stream, POST, firewall, busy queue, terminal positions, engine crash", async (t) => {
  const spot = await startSpot({ engines: 1, queue: 1 });
  try {
    await t.step(
      "stream at depth 10 multipv 2: complete sets, increasing ids, one result",
      async () => {
        const events = await readEvents(await fetch(streamUrl(spot.url, START, 10, 2)));
        assert.deepEqual(checkSequence(events), []);
        const infos = events.filter((e) => e.event === "info");
        for (let d = 1; d <= 10; d++) {
          assert.ok(
            infos.some((e) => e.id === `${d}.1`) && infos.some((e) => e.id === `${d}.2`),
            `depth ${d}`,
          );
        }
        const result = JSON.parse(events.at(-1)!.data);
        assert.equal(result.lines.length, 2);
        assert.equal(result.depth, 10);
        assert.match(result.bestmove, /^[a-h][1-8][a-h][1-8]/);
        assert.match(result.engine, /Stockfish/);
      },
    );
    await t.step("POST /analyze answers the same EngineResult shape", async () => {
      const res = await fetch(`${spot.url}/analyze`, {
        method: "POST",
        body: JSON.stringify({ fen: START, depth: 8, multipv: 2 }),
      });
      const body = await res.json();
      assert.equal(res.status, 200);
      assert.deepEqual(Object.keys(body).sort(), [
        "bestmove",
        "depth",
        "engine",
        "fen",
        "lines",
        "multipv",
        "ponder",
      ]);
      assert.equal(body.lines.length, 2);
      assert.equal(body.lines[0].depth, 8);
    });
    await t.step("an illegal FEN gets 400 and never reaches the engine", async () => {
      const engineBefore = childPids(spot.proc.pid);
      const res = await fetch(streamUrl(spot.url, `${START}\nquit`, 5));
      const body = await res.json();
      assert.equal(res.status, 400);
      assert.equal(body.error.code, "invalid_fen");
      const again = await fetch(`${spot.url}/health`);
      assert.equal((await again.json()).status, "healthy");
      await new Promise((r) => setTimeout(r, 200));
      assert.deepEqual(
        childPids(spot.proc.pid),
        engineBefore,
        "a sent 'quit' would have ended the engine",
      );
    });
    await t.step("checkmate and stalemate answer at once", async () => {
      for (const [fen, score] of [[MATE, { mate: 0 }], [STALEMATE, { cp: 0 }]] as const) {
        const events = await readEvents(await fetch(streamUrl(spot.url, fen, 20, 3)));
        const result = JSON.parse(events.at(-1)!.data);
        assert.equal(result.bestmove, null);
        assert.deepEqual(result.lines[0].score, score);
      }
    });
    await t.step("a client disconnect frees the engine for the next request", async () => {
      const ctl = new AbortController();
      const deep = await fetch(streamUrl(spot.url, START, 30, 1), { signal: ctl.signal });
      const reader = deep.body!.getReader();
      await reader.read();
      await new Promise((r) => setTimeout(r, 300));
      ctl.abort();
      await reader.cancel().catch(() => {});
      const started = performance.now();
      const events = await readEvents(await fetch(streamUrl(spot.url, START, 6, 1)));
      assert.deepEqual(checkSequence(events), []);
      assert.ok(performance.now() - started < 10_000, "the engine was stopped, not left searching");
    });
    await t.step(
      "3 parallel requests on 1 engine with queue 1: exactly one 503 with Retry-After",
      async () => {
        const responses = await Promise.all(
          [0, 1, 2].map(() => fetch(streamUrl(spot.url, START, 12, 1))),
        );
        const busy = responses.filter((r) => r.status === 503);
        assert.equal(busy.length, 1);
        assert.equal(busy[0]!.headers.get("retry-after"), "1");
        assert.equal((await busy[0]!.json()).error.code, "engine_busy");
        for (const r of responses.filter((r) => r.status === 200)) {
          assert.deepEqual(checkSequence(await readEvents(r)), []);
        }
      },
    );
    await t.step("a killed engine process is replaced and the next request works", async () => {
      const res = await fetch(streamUrl(spot.url, START, 30, 1));
      const reader = res.body!.getReader();
      await reader.read();
      const [engine] = childPids(spot.proc.pid);
      assert.ok(engine, "the spot runs an engine child process");
      Deno.kill(engine, "SIGKILL");
      let text = "";
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        text += new TextDecoder().decode(r.value);
      }
      assert.match(text, /event: error/);
      assert.match(text, /engine_failure/);
      const events = await readEvents(await fetch(streamUrl(spot.url, START, 6, 1)));
      assert.deepEqual(checkSequence(events), []);
      assert.notEqual(childPids(spot.proc.pid)[0], engine);
    });
  } finally {
    const status = await spot.stop();
    assert.equal(status.code, 0, spot.proc.output());
  }
});
