/// <reference lib="dom" />
import type { VNode } from "preact";
import { useState } from "preact/hooks";
import { html } from "../html.ts";
import { BoardView } from "../analysis/board-view.ts";
import { sanLine, whiteToMove } from "../analysis/positions.ts";
import { StreamNotice } from "../lib/notice.ts";
import { formatScore, toWhitePov } from "../lib/score.ts";
import { useStream } from "../lib/use-stream.ts";
import {
  analysisUrl,
  applyAnalysisEvent,
  EMPTY,
  isAnalysisEnd,
  type LiveAnalysis,
} from "./lines.ts";

const START = "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1";

/** One position analysed live through `/analyze/stream`: lines update as the depth rises. */
export function PositionView(): VNode {
  const [fen, setFen] = useState(START);
  const [depth, setDepth] = useState("16");
  const [multipv, setMultipv] = useState("3");
  const [run, setRun] = useState<{ url: string; fen: string; n: number } | undefined>(undefined);
  const [analysis, setAnalysis] = useState<LiveAnalysis>(EMPTY);
  // The run's number as a fragment (never sent): the same position asked again is a new stream.
  const state = useStream(run ? `${run.url}#${run.n}` : undefined, (ev) => {
    setAnalysis((a) => applyAnalysisEvent(a, ev));
  }, isAnalysisEnd);
  const submit = (e: Event) => {
    e.preventDefault();
    setAnalysis(EMPTY);
    const trimmed = fen.trim();
    setRun({
      url: analysisUrl(trimmed, Number(depth), Number(multipv)),
      fen: trimmed,
      n: (run?.n ?? 0) + 1,
    });
  };
  const shown = run?.fen ?? fen.trim();
  const white = whiteToMove(shown);
  const top = analysis.lines[0];
  return html`<section id="position" class="view">
    <form class="fen-form" id="fen-form" onSubmit=${submit}>
      <input id="fen" class="fen" value=${fen} onInput=${(e: Event) =>
    setFen((e.target as HTMLInputElement).value)} />
      <label>Depth <input id="depth" type="number" min="1" max="30" value=${depth}
        onInput=${(e: Event) => setDepth((e.target as HTMLInputElement).value)} /></label>
      <label>Lines <input id="multipv" type="number" min="1" max="5" value=${multipv}
        onInput=${(e: Event) => setMultipv((e.target as HTMLInputElement).value)} /></label>
      <button type="submit" id="analyse-fen">Analyse</button>
    </form>
    <${StreamNotice} state=${state} />
    ${analysis.error ? html`<p class="notice error" role="alert">${analysis.error}</p>` : null}
    <div class="game-main">
      <${BoardView} fen=${shown} best=${top?.pv[0] ?? null} />
      <table class="lines" id="lines"><thead><tr><th>#</th><th>depth</th><th>eval (White)</th><th>line</th></tr></thead>
        <tbody>${
    analysis.lines.map((l) =>
      html`
        <tr data-multipv=${l.multipv} data-depth=${l.depth}>
          <td>${l.multipv}</td>
          <td>${l.depth}</td>
          <td>${formatScore(toWhitePov(l.score, white))}</td>
          <td>${sanLine(shown, l.pv.slice(0, 12))}</td>
        </tr>
      `
    )
  }</tbody></table>
    </div>
    ${
    analysis.bestmove !== undefined
      ? html`<p id="bestmove">best move: ${analysis.bestmove ?? "none"}</p>`
      : null
  }
  </section>` as VNode;
}
