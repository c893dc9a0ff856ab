import assert from "node:assert/strict";
import { flush, mount, unmount } from "./dom.ts";
import { html } from "../../../src/console/web/html.ts";
import { GraphView } from "../../../src/console/web/analysis/graph-view.ts";
import { SAMPLE_PLIES } from "./fixtures.ts";

Deno.test("graph view: one point per ply, judgements marked, a click selects", async () => {
  let picked = -1;
  const root = await mount(
    html`<${GraphView} plies=${SAMPLE_PLIES} selected=${2} select=${(
      p: number,
    ) => (picked = p)} />`,
  );
  const points = root.querySelectorAll("circle.graph-point");
  assert.equal(points.length, SAMPLE_PLIES.length);
  assert.equal(root.querySelectorAll("circle.blunder").length, 1);
  assert.ok(root.querySelector('circle.selected[data-ply="2"]'));
  await flush();
  assert.equal(picked, -1);
  await unmount(root);
});
