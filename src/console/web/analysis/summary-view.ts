/// <reference lib="dom" />
import type { VNode } from "preact";
import { html } from "../html.ts";
import type { GameAnalysis, SideSummary } from "./types.ts";

const num = (v: number | null, digits: number) => (v === null ? "–" : v.toFixed(digits));

/** Both sides' accuracy, ACPL and counts of inaccuracies, mistakes and blunders. */
export function SummaryView({ game }: { game: GameAnalysis }): VNode {
  const side = (name: "white" | "black", s: SideSummary) =>
    html`
      <tr data-side=${name}>
        <th>${name}</th>
        <td class="accuracy" data-value=${s.accuracy ?? ""}>${num(s.accuracy, 1)} %</td>
        <td class="acpl" data-value=${s.acpl ?? ""}>${num(s.acpl, 0)}</td>
        <td>${s.inaccuracies}</td>
        <td>${s.mistakes}</td>
        <td>${s.blunders}</td>
      </tr>
    `;
  return html`
    <table class="summary-table" id="sides">
      <thead>
        <tr>
          <th></th>
          <th>accuracy</th>
          <th>ACPL</th>
          <th>inaccuracies</th>
          <th>mistakes</th>
          <th>blunders</th>
        </tr>
      </thead>
      <tbody>${side("white", game.white)}${side("black", game.black)}</tbody>
    </table>
  ` as VNode;
}
