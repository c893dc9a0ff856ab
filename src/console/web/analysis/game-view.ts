/// <reference lib="dom" />
import type { VNode } from "preact";
import { useEffect, useState } from "preact/hooks";
import { html } from "../html.ts";
import { formatScore } from "../lib/score.ts";
import { BoardView } from "./board-view.ts";
import { GraphView } from "./graph-view.ts";
import { MovesView } from "./moves-view.ts";
import { sanLine } from "./positions.ts";
import { boardFor, stepFor } from "./selection.ts";
import { SummaryView } from "./summary-view.ts";
import type { GameAnalysis } from "./types.ts";

/**
 * One analysed game: graph, sides' summary, move list and board; the selected ply follows
 * clicks and the arrow keys (Home and End too).
 */
export function GameView({ game }: { game: GameAnalysis }): VNode {
  const plies = game.plies;
  const [selected, setSelected] = useState(0);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement | null)?.closest?.("textarea, input")) return;
      if (stepFor(e.key, 0, plies.length) === undefined) return;
      e.preventDefault();
      // From the state as it is, not as this listener saw it: keys come faster than renders.
      setSelected((at) => stepFor(e.key, at, plies.length) ?? at);
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, [plies.length]);
  const board = boardFor(plies, selected);
  const next = plies[selected];
  const bestText = next?.best
    ? `best here: ${sanLine(next.fen, [next.best])}${
      next.best_eval ? ` (${formatScore(next.best_eval)})` : ""
    }`
    : "";
  const current = plies[selected - 1];
  return html`
    <div class="game" data-phase=${game.phase} data-depth=${game.depth}>
      <${GraphView} plies=${plies} selected=${selected} select=${setSelected} />
      <${SummaryView} game=${game} />
      <div class="game-main">
        <div>
          <${BoardView} fen=${board.fen} lastMove=${board.lastMove} best=${board.best} />
          <p class="caption" id="board-caption" data-ply=${selected}>${current
            ? `after ${current.san} (${formatScore(current.eval)})`
            : "start"}${bestText ? ` · ${bestText}` : ""}</p>
        </div>
        <${MovesView} plies=${plies} selected=${selected} select=${setSelected} />
      </div>
    </div>
  ` as VNode;
}
