/// <reference lib="dom" />
import type { VNode } from "preact";
import { html } from "../html.ts";
import { formatScore } from "../lib/score.ts";
import type { AnalysedPly } from "./types.ts";

const MARK = { inaccuracy: "?!", mistake: "?", blunder: "??" } as const;

/** The move list: move numbers, each move with its judgement mark; a click selects it. */
export function MovesView(
  { plies, selected, select }: {
    plies: AnalysedPly[];
    selected: number;
    select: (ply: number) => void;
  },
): VNode {
  const cell = (p: AnalysedPly) =>
    html`
      <button type="button" class=${`move ${p.judgement ?? ""}${
        p.ply === selected ? " selected" : ""
      }`}
        data-ply=${p.ply} title=${`${formatScore(p.eval)}${p.judgement ? `, ${p.judgement}` : ""}`}
        onClick=${() => select(p.ply)}>${p.san}${p.judgement ? MARK[p.judgement] : ""}</button>
    `;
  const rows: VNode[] = [];
  // A game from a position with Black to move starts with "1...".
  const blackFirst = plies[0]?.fen.split(" ")[1] === "b";
  for (let i = 0; i < plies.length;) {
    const first = plies[i]!;
    const number = first.fen.split(" ")[5] ?? "";
    if (blackFirst && i === 0) {
      rows.push(html`<li><span class="n">${number}...</span>${cell(first)}</li>` as VNode);
      i += 1;
      continue;
    }
    const second = plies[i + 1];
    rows.push(
      html`<li><span class="n">${number}.</span>${cell(first)}${
        second ? cell(second) : null
      }</li>` as VNode,
    );
    i += 2;
  }
  return html`<ol class="moves" id="moves">${rows}</ol>` as VNode;
}
