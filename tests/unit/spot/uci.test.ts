import assert from "node:assert/strict";
import { isSafeCommand, parseBestmove, parseInfo } from "../../../src/spot/uci.ts";
import { SearchAccumulator } from "../../../src/spot/accumulator.ts";
import { rootMoves, terminalResult } from "../../../src/spot/position.ts";
import { findEngine } from "../../../src/spot/engine-find.ts";

const CP = "info depth 12 seldepth 17 multipv 1 score cp 31 nodes 12345 nps 500000 hashfull 3 " +
  "tbhits 0 time 24 pv e2e4 e7e5 g1f3";

Deno.test("parseInfo reads cp, mate, multipv, wdl and the pv", () => {
  assert.deepEqual(parseInfo(CP), {
    bound: false,
    line: {
      multipv: 1,
      depth: 12,
      seldepth: 17,
      score: { cp: 31 },
      pv: ["e2e4", "e7e5", "g1f3"],
      nodes: 12345,
      nps: 500000,
      time_ms: 24,
    },
  });
  const mate = parseInfo("info depth 20 multipv 2 score mate -3 wdl 0 0 1000 nodes 1 pv h7h8q");
  assert.deepEqual(mate?.line.score, { mate: -3 });
  assert.equal(mate?.line.multipv, 2);
  assert.deepEqual(mate?.wdl, [0, 0, 1000]);
});

Deno.test("parseInfo flags lowerbound/upperbound and ignores lines without a pv", () => {
  assert.equal(parseInfo("info depth 9 score cp 40 lowerbound nodes 1 pv e2e4")?.bound, true);
  assert.equal(parseInfo("info depth 9 score cp 40 upperbound pv e2e4")?.bound, true);
  assert.equal(parseInfo("info depth 9 currmove e2e4 currmovenumber 1"), null);
  assert.equal(parseInfo("info string NNUE evaluation using nn.nnue enabled"), null);
  assert.equal(parseInfo("bestmove e2e4"), null);
  assert.equal(parseInfo("info depth 1 score wdl 1 2 3 pv e2e4"), null);
});

Deno.test("parseBestmove with and without ponder, and (none)", () => {
  assert.deepEqual(parseBestmove("bestmove e2e4 ponder e7e5"), {
    bestmove: "e2e4",
    ponder: "e7e5",
  });
  assert.deepEqual(parseBestmove("bestmove e7e8q"), { bestmove: "e7e8q", ponder: null });
  assert.deepEqual(parseBestmove("bestmove (none)"), { bestmove: null, ponder: null });
  assert.equal(parseBestmove("info depth 1"), null);
  assert.equal(parseBestmove("bestmove"), null);
});

Deno.test("isSafeCommand refuses line breaks and control bytes", () => {
  assert.ok(isSafeCommand("position fen 8/8/8/8/8/8/8/8 w - - 0 1"));
  assert.equal(isSafeCommand("position fen x\nquit"), false);
  assert.equal(isSafeCommand("go\r"), false);
});

Deno.test("SearchAccumulator emits complete sets only, skips bounds and stale depths", () => {
  const acc = new SearchAccumulator(2);
  const line = (d: number, m: number, extra = "") =>
    parseInfo(`info depth ${d} multipv ${m} score cp ${d * 10 + m}${extra} pv e2e4`)!;
  assert.deepEqual(acc.feed(line(1, 1)), []);
  assert.deepEqual(acc.feed(line(1, 2)).map((l) => `${l.depth}.${l.multipv}`), ["1.1", "1.2"]);
  assert.deepEqual(acc.feed(line(2, 1, " lowerbound")), []);
  assert.deepEqual(acc.feed(line(2, 1)), []);
  assert.deepEqual(acc.feed(line(1, 2)), [], "stale depth");
  assert.deepEqual(acc.feed(line(2, 3)), [], "beyond the expected multipv");
  assert.equal(acc.feed(line(2, 2)).length, 2);
  assert.equal(acc.depth, 2);
  const r = acc.result(
    { fen: "f", depth: 2, multipv: 2 },
    { bestmove: "e2e4", ponder: null },
    "SF",
  );
  assert.deepEqual(r.lines.map((l) => l.score), [{ cp: 21 }, { cp: 22 }]);
});

Deno.test("rootMoves counts promotions as four moves and spots mate and stalemate", () => {
  assert.equal(rootMoves("rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1").count, 20);
  assert.equal(rootMoves("8/4P3/8/8/8/8/k7/7K w - - 0 1").count, 4 + 3);
  const mate = rootMoves("rnb1kbnr/pppp1ppp/8/4p3/6Pq/5P2/PPPPP2P/RNBQKBNR w KQkq - 1 3");
  assert.deepEqual(mate, { count: 0, mate: true, stalemate: false });
  assert.equal(rootMoves("7k/5Q2/6K1/8/8/8/8/8 b - - 0 1").stalemate, true);
  const r = terminalResult({ fen: "x", depth: 5, multipv: 3 }, false, "SF");
  assert.deepEqual(r.lines[0]?.score, { cp: 0 });
  assert.equal(r.bestmove, null);
});

Deno.test("findEngine: STOCKFISH_PATH, then PATH, then Debian's path, then npm's WebAssembly build", async () => {
  const deps = (env: Record<string, string>, files: string[]) => ({
    env: (k: string) => env[k],
    isFile: (p: string) => files.includes(p),
    installWasm: () => Promise.resolve("/cache/sf.js"),
  });
  assert.deepEqual(await findEngine(deps({ STOCKFISH_PATH: "/x/sf" }, ["/x/sf"])), {
    cmd: ["/x/sf"],
    source: "STOCKFISH_PATH",
  });
  await assert.rejects(findEngine(deps({ STOCKFISH_PATH: "/nope" }, [])), /not a file/);
  const onPath = await findEngine(
    deps({ PATH: "/a:/b" }, ["/b/stockfish", "/usr/games/stockfish"]),
  );
  assert.deepEqual(onPath.cmd, ["/b/stockfish"]);
  assert.equal((await findEngine(deps({ PATH: "/a" }, ["/usr/games/stockfish"]))).source, "debian");
  assert.deepEqual(await findEngine(deps({}, [])), {
    cmd: ["node", "/cache/sf.js"],
    source: "npm-wasm",
  });
});
