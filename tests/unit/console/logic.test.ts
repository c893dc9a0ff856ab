import assert from "node:assert/strict";
import {
  apiError,
  describeError,
  networkError,
  retryAfterSeconds,
} from "../../../src/console/web/lib/api-error.ts";
import { adminAction } from "../../../src/console/web/fleet/admin.ts";
import { ago, sectionPairs, spotRows } from "../../../src/console/web/fleet/rows.ts";
import {
  applyJobEvent,
  newJob,
  progressLabel,
} from "../../../src/console/web/analysis/job-state.ts";
import { cancelJob, parsePhases, submitGame } from "../../../src/console/web/analysis/job-api.ts";
import {
  fenAfter,
  sanLine,
  squaresOf,
  whiteToMove,
} from "../../../src/console/web/analysis/positions.ts";
import { boardFor, stepFor } from "../../../src/console/web/analysis/selection.ts";
import { analysisUrl, applyAnalysisEvent, EMPTY } from "../../../src/console/web/position/lines.ts";
import { SAMPLE_PLIES } from "./fixtures.ts";

const START = "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1";
const refused = (() => Promise.reject(new TypeError("refused"))) as typeof fetch;

Deno.test("api errors: the envelope, or the status line; Retry-After in seconds or as a date", async () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  assert.equal(retryAfterSeconds("5"), 5);
  assert.equal(retryAfterSeconds("Thu, 01 Jan 2026 00:00:09 GMT", now), 9);
  assert.equal(retryAfterSeconds("soon"), undefined);
  assert.equal(retryAfterSeconds(null), undefined);
  const plain = await apiError(new Response("<html>", { status: 502, statusText: "Bad Gateway" }));
  assert.deepEqual(plain, { status: 502, code: "http_502", message: "HTTP 502 Bad Gateway" });
  const e = await apiError(
    new Response(JSON.stringify({ error: { code: "x", message: "m", hint: "h" } }), {
      status: 429,
      headers: { "retry-after": "3" },
    }),
  );
  assert.equal(describeError(e), "m — h — Retry after 3 s.");
  assert.match(networkError("down").message, /No answer from the gateway \(down\)/);
  assert.equal((await adminAction("t", "s", "enable", refused))?.code, "network_error");
  assert.deepEqual(
    await submitGame("pgn", [8], refused).then((r) => "error" in r && r.error.code),
    "network_error",
  );
  await cancelJob("j", refused);
});

Deno.test("fleet rows: tones, capacity, rates and times as people read them; nested sections flattened", () => {
  const now = Date.parse("2026-01-01T00:10:00Z");
  assert.equal(ago("2026-01-01T00:09:55Z", now), "5 s ago");
  assert.equal(ago("2026-01-01T00:00:00Z", now), "10 min ago");
  assert.equal(ago(undefined, now), "");
  const base = {
    id: "a",
    region: "r",
    priority: 1,
    enabled: true,
    status: "degraded",
    circuit: "closed",
    in_flight: 0,
    usable: true,
    last_check: { ok: false, ms: 5000, detail: "timeout" },
  };
  const [warn, bad, off] = spotRows([base, { ...base, circuit: "open" }, {
    ...base,
    enabled: false,
  }], now);
  assert.equal(warn!.tone, "warn");
  assert.equal(warn!.load, "0 / ?");
  assert.equal(warn!.successRate, "–");
  assert.match(warn!.lastCheck, /^timeout, 5000 ms/);
  assert.equal(bad!.tone, "bad");
  assert.equal(off!.tone, "off");
  assert.equal(off!.enabled, "disabled");
  assert.deepEqual(
    sectionPairs({ queue: { waiting: 1 }, hit_ratio: 0.5, ok: true, limits: { max: 3 } }),
    [["queue waiting", "1"], ["hit ratio", "0.500"], ["ok", "true"]],
  );
  assert.deepEqual(sectionPairs(undefined), []);
});

Deno.test("job state: phases, a failure, a cancel; the phases field checked before sending", () => {
  assert.deepEqual(parsePhases("8, 14"), [8, 14]);
  assert.deepEqual(parsePhases("10"), [10]);
  for (const bad of ["", "14 8", "8 8", "0", "31", "1 2 3 4", "x"]) {
    assert.equal(parsePhases(bad), undefined, bad);
  }
  const job = newJob("j", [8, 14]);
  assert.equal(progressLabel(job), "queued…");
  const going = applyJobEvent(job, {
    event: "progress",
    data: JSON.stringify({ phase: 2, done: 40, total: 66, percent: 60.6 }),
  });
  assert.equal(progressLabel(going), "phase 2 of 2 (depth 14): 40 / 66 positions, 60 %");
  const failed = applyJobEvent(going, {
    event: "failed",
    data: JSON.stringify({ error: "no spot" }),
  });
  assert.deepEqual([failed.status, failed.error], ["failed", "no spot"]);
  assert.equal(
    applyJobEvent(going, { event: "done", data: JSON.stringify({ status: "cancelled" }) }).status,
    "cancelled",
  );
  assert.equal(applyJobEvent(going, { event: "other", data: "{}" }), going);
  const g2 = { phase: 2, plies: [] };
  const later = applyJobEvent(applyJobEvent(job, { event: "game", data: JSON.stringify(g2) }), {
    event: "game",
    data: JSON.stringify({ phase: 1, plies: [] }),
  });
  assert.equal(later.game?.phase, 2, "a late shallower phase does not replace a deeper one");
  assert.deepEqual(later.phasesDone, [1, 2]);
});

Deno.test("positions: moves played, squares, SAN lines, and the board for a selected ply", () => {
  assert.equal(
    fenAfter(START, "e2e4"),
    "rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq - 0 1",
  );
  assert.equal(fenAfter(START, "e2e5"), START, "an illegal move leaves the position");
  assert.deepEqual(squaresOf("e7e8q"), ["e7", "e8"]);
  assert.equal(squaresOf(null), undefined);
  assert.equal(squaresOf("0000"), undefined);
  assert.equal(sanLine(START, ["e2e4", "e7e5", "g1f3"]), "1. e4 e5 2. Nf3");
  assert.equal(sanLine(START, ["zz"]), "zz");
  assert.equal(whiteToMove(START), true);
  assert.deepEqual(boardFor(SAMPLE_PLIES, 0), { fen: START, lastMove: null, best: "e2e4" });
  const last = boardFor(SAMPLE_PLIES, 3);
  assert.deepEqual([last.lastMove, last.best], ["d1h5", null]);
  assert.match(last.fen, /Q/);
  assert.deepEqual([
    stepFor("ArrowRight", 3, 3),
    stepFor("ArrowLeft", 0, 3),
    stepFor("End", 0, 3),
    stepFor("a", 0, 3),
  ], [3, 0, 3, undefined]);
});

Deno.test("live lines: one per multipv, replaced as depth rises; the result's lines and best move", () => {
  const info = (multipv: number, depth: number) => ({
    event: "info",
    data: JSON.stringify({ multipv, depth, score: { cp: 1 }, pv: [] }),
  });
  let a = applyAnalysisEvent(EMPTY, info(2, 1));
  a = applyAnalysisEvent(a, info(1, 1));
  a = applyAnalysisEvent(a, info(1, 2));
  assert.deepEqual(a.lines.map((l) => [l.multipv, l.depth]), [[1, 2], [2, 1]]);
  assert.equal(
    applyAnalysisEvent(a, { event: "result", data: JSON.stringify({ bestmove: null }) }).bestmove,
    null,
  );
  assert.equal(applyAnalysisEvent(a, { event: "x", data: "{}" }), a);
  assert.equal(analysisUrl("8/8 w", 3, 1), "/analyze/stream?fen=8%2F8+w&depth=3&multipv=1");
});
