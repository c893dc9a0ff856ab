import assert from "node:assert/strict";
import { fire, flush, mount, typeInto, unmount } from "./dom.ts";
import { serveFetch, sse } from "./fake-fetch.ts";
import { html } from "../../../src/console/web/html.ts";
import { AnalysisView } from "../../../src/console/web/analysis/analysis-view.ts";
import type { GameAnalysis } from "../../../src/console/web/analysis/types.ts";
import { SAMPLE_PLIES } from "./fixtures.ts";

const side = { acpl: 12, accuracy: 91.25, inaccuracies: 0, mistakes: 0, blunders: 1 };
const game = (phase: number): GameAnalysis => ({
  game_id: "g",
  phase,
  depth: phase === 1 ? 8 : 14,
  plies: SAMPLE_PLIES,
  white: side,
  black: { ...side, accuracy: 80, acpl: 30 },
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) {
    await flush(() => new Promise((r) => setTimeout(r, 10)));
  }
};

Deno.test("analysis view: a refused PGN shows the API's message and its Retry-After", async () => {
  const fake = serveFetch({
    "POST /v1/games": () =>
      new Response(
        JSON.stringify({ error: { code: "capacity_exhausted", message: "Queue full" } }),
        {
          status: 503,
          headers: { "retry-after": "12" },
        },
      ),
  });
  const root = await mount(html`<${AnalysisView} />`);
  try {
    await flush(() => typeInto(root.querySelector("#phases"), "14, 8"));
    await flush(() => fire(root.querySelector("#pgn-form"), "submit"));
    assert.match(root.querySelector(".notice.error")!.textContent!, /ascending depths/);
    await flush(() => typeInto(root.querySelector("#phases"), "8, 14"));
    await flush(() => fire(root.querySelector("#pgn-form"), "submit"));
    await until(() => /Queue full/.test(root.querySelector(".notice.error")?.textContent ?? ""));
    assert.equal(root.querySelector(".notice.error")!.getAttribute("data-retry-after"), "12");
    assert.match(root.querySelector(".notice.error")!.textContent!, /Retry after 12 s/);
  } finally {
    await unmount(root);
    fake.restore();
  }
});

Deno.test("analysis view: the job followed live: progress, both phases, then the game", async () => {
  const fake = serveFetch({
    "POST /v1/games": async (req) => {
      assert.deepEqual(await req.json(), { pgn: "1. e4 e5 2. Qh5", phases: [8, 14] });
      return new Response(JSON.stringify({ job_id: "j1", status: "queued" }), { status: 202 });
    },
    "GET /v1/jobs/j1/events": () =>
      sse([
        { event: "progress", id: "1", data: { phase: 1, done: 3, total: 6, percent: 50 } },
        { event: "game", id: "2", data: game(1) },
        { event: "progress", id: "3", data: { phase: 2, done: 6, total: 6, percent: 100 } },
        { event: "game", id: "4", data: game(2) },
        {
          event: "done",
          id: "5",
          data: { status: "completed", progress: { done: 6, total: 6, percent: 100 } },
        },
      ]),
    "DELETE /v1/jobs/j1": () => new Response(null, { status: 204 }),
  });
  const root = await mount(html`<${AnalysisView} />`);
  try {
    await flush(() => typeInto(root.querySelector("#pgn"), "1. e4 e5 2. Qh5"));
    await flush(() => fire(root.querySelector("#pgn-form"), "submit"));
    await until(() => root.querySelector('#job[data-status="completed"]') !== null);
    assert.equal(root.querySelector("#job-progress")!.getAttribute("data-percent"), "100");
    assert.equal(root.querySelectorAll(".phase.done").length, 2);
    assert.match(root.querySelector("#job-label")!.textContent!, /done: 2 phases/);
    assert.equal(root.querySelector(".game")!.getAttribute("data-phase"), "2");
    assert.equal(root.querySelectorAll("circle.graph-point").length, 3);
    assert.equal(
      root.querySelector('#sides tr[data-side="white"] .accuracy')!.textContent,
      "91.3 %",
    );
    assert.match(root.querySelector("#moves")!.textContent!, /Qh5\?\?/);
    await flush(() => fire(root.querySelector('button.move[data-ply="2"]'), "click"));
    assert.equal(root.querySelector("#board-caption")!.getAttribute("data-ply"), "2");
    assert.match(
      root.querySelector("#board-caption")!.textContent!,
      /after e5 \(\+0\.35\) · best here: 2\. Nf3/,
    );
    const press = (key: string) => {
      const e = new Event("keydown", { cancelable: true });
      Object.defineProperty(e, "key", { value: key });
      globalThis.dispatchEvent(e);
      return e.defaultPrevented;
    };
    await flush(() => press("End"));
    assert.equal(root.querySelector("#board-caption")!.getAttribute("data-ply"), "3");
    await flush(() => press("ArrowLeft"));
    await flush(() => press("ArrowLeft"));
    assert.equal(root.querySelector("#board-caption")!.getAttribute("data-ply"), "1");
    assert.equal(press("x"), false, "other keys are left alone");
    await flush(() => press("Home"));
    assert.equal(
      root.querySelector("#board-caption")!.textContent,
      "start · best here: 1. e4 (+0.30)",
    );
    assert.equal(root.querySelector("#board")!.getAttribute("data-best"), "e2e4");
  } finally {
    await unmount(root);
    fake.restore();
  }
});
