/// <reference lib="dom" />
import { Chessground } from "@lichess-org/chessground";
import type { Api } from "@lichess-org/chessground/api";
import type { Key } from "@lichess-org/chessground/types";
import type { VNode } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { html } from "../html.ts";
import { squaresOf } from "./positions.ts";

/** What the board shows: a position, the move that led to it, and the engine's best move. */
export interface BoardProps {
  fen: string;
  lastMove?: string | null;
  /** Drawn as a green arrow (the engine's choice). */
  best?: string | null;
}

/** A view-only chessground board that follows its props. */
export function BoardView({ fen, lastMove, best }: BoardProps): VNode {
  const el = useRef<HTMLDivElement>(null);
  const api = useRef<Api | undefined>(undefined);
  useEffect(() => {
    if (!el.current) return;
    api.current = Chessground(el.current, {
      viewOnly: true,
      coordinates: true,
      animation: { enabled: false },
    });
    return () => api.current?.destroy();
  }, []);
  useEffect(() => {
    const arrow = squaresOf(best);
    const last = squaresOf(lastMove);
    api.current?.set({
      fen,
      lastMove: last as Key[] | undefined,
      drawable: {
        autoShapes: arrow ? [{ orig: arrow[0] as Key, dest: arrow[1] as Key, brush: "green" }] : [],
      },
    });
  }, [fen, lastMove, best]);
  return html`
    <div class="board-wrap">
      <div class="board" id="board" ref=${el}
        data-fen=${fen} data-best=${best ?? ""}></div>
    </div>
  ` as VNode;
}
