import assert from "node:assert/strict";
import { fire, flush, mount, testDocument, typeInto, unmount } from "./dom.ts";
import { render } from "preact";
import { serveFetch, sse } from "./fake-fetch.ts";
import { html } from "../../../src/console/web/html.ts";
import { PositionView } from "../../../src/console/web/position/position-view.ts";
import { App, viewOf } from "../../../src/console/web/app.ts";

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) {
    await flush(() => new Promise((r) => setTimeout(r, 10)));
  }
};
const BLACK = "rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq - 0 1";
const line = (multipv: number, depth: number, cp: number, pv: string[]) => ({
  multipv,
  depth,
  score: { cp },
  pv,
});

Deno.test("position view: lines update as the depth rises, scores from White's point of view", async () => {
  let asked = "";
  const fake = serveFetch({
    "GET /analyze/stream": (req) => {
      asked = new URL(req.url).search;
      return sse([
        { event: "info", id: "1.1", data: line(1, 1, 10, ["e7e5"]) },
        { event: "info", id: "1.2", data: line(2, 1, 5, ["c7c5"]) },
        { event: "info", id: "2.1", data: line(1, 2, -40, ["e7e5", "g1f3"]) },
        {
          event: "result",
          id: "result",
          data: {
            bestmove: "e7e5",
            lines: [line(1, 2, -40, ["e7e5", "g1f3"]), line(2, 1, 5, ["c7c5"])],
          },
        },
      ]);
    },
  });
  const root = await mount(html`<${PositionView} />`);
  try {
    await flush(() => typeInto(root.querySelector("#fen"), BLACK));
    await flush(() => typeInto(root.querySelector("#depth"), "2"));
    await flush(() => typeInto(root.querySelector("#multipv"), "2"));
    await flush(() => fire(root.querySelector("#fen-form"), "submit"));
    await until(() => root.querySelector("#bestmove") !== null);
    assert.equal(new URLSearchParams(asked).get("fen"), BLACK);
    assert.equal(new URLSearchParams(asked).get("depth"), "2");
    const rows = [...root.querySelectorAll("#lines tr[data-multipv]")].map((tr) => tr.textContent);
    assert.deepEqual(rows, ["12+0.401... e5 2. Nf3", "21-0.051... c5"]);
    assert.equal(root.querySelector("#bestmove")!.textContent, "best move: e7e5");
  } finally {
    await unmount(root);
    fake.restore();
  }
});

Deno.test("position view: an engine error event is shown", async () => {
  const fake = serveFetch({
    "GET /analyze/stream": () =>
      sse([{
        event: "error",
        id: "e",
        data: { error: { code: "engine_failure", message: "engine crashed" } },
      }]),
  });
  const root = await mount(html`<${PositionView} />`);
  try {
    await flush(() => fire(root.querySelector("#fen-form"), "submit"));
    await until(() => root.querySelector(".notice.error") !== null);
    assert.equal(root.querySelector(".notice.error")!.textContent, "engine crashed");
  } finally {
    await unmount(root);
    fake.restore();
  }
});

Deno.test("app: a tab per view, the open one from the URL fragment", async () => {
  const fake = serveFetch({});
  const g = globalThis as unknown as { location?: unknown };
  const had = "location" in g;
  const saved = g.location;
  Object.defineProperty(globalThis, "location", {
    value: { hash: "#position" },
    configurable: true,
    writable: true,
  });
  const root = await mount(html`<${App} />`);
  try {
    assert.equal(root.querySelectorAll("nav a").length, 3);
    assert.ok(root.querySelector("#tab-position.active"));
    assert.ok(root.querySelector("#position") && !root.querySelector("#fleet"));
    (g.location as { hash: string }).hash = "#fleet";
    await flush(() => globalThis.dispatchEvent(new Event("hashchange")));
    assert.ok(root.querySelector("#fleet"));
    assert.equal(viewOf("#game"), "game");
    assert.equal(viewOf("#nonsense"), "fleet");
    // The entry module renders the app into the page's #app, replacing its loading line.
    const page = testDocument.createElement("div");
    page.id = "app";
    page.textContent = "Loading…";
    testDocument.body.appendChild(page);
    await flush(() => import("../../../src/console/web/main.ts"));
    assert.equal(page.querySelectorAll("nav a").length, 3);
    assert.doesNotMatch(page.textContent ?? "", /Loading/);
    await flush(() => render(null, page));
    page.remove();
  } finally {
    await unmount(root);
    if (had) Object.defineProperty(globalThis, "location", { value: saved, configurable: true });
    else delete g.location;
    fake.restore();
  }
});
