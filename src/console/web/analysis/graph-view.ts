/// <reference lib="dom" />
import type { VNode } from "preact";
import { html } from "../html.ts";
import { areaPath, type GraphBox, graphPoints, linePath } from "./graph.ts";
import type { AnalysedPly } from "./types.ts";

const BOX: GraphBox = { width: 600, height: 160 };

/**
 * The evaluation graph: White's Win% after each ply (White's area below the line, the 50 %
 * line across), a dot per ply, the inaccuracies, mistakes and blunders marked in their
 * colours, the selected ply's dot ringed. A click on the graph selects the nearest ply.
 */
export function GraphView(
  { plies, selected, select }: {
    plies: AnalysedPly[];
    selected: number;
    select: (ply: number) => void;
  },
): VNode {
  const points = graphPoints(plies, BOX);
  const pick = (e: MouseEvent) => {
    const svg = e.currentTarget as SVGSVGElement;
    const rect = svg.getBoundingClientRect();
    const x = ((e.clientX - rect.left) / rect.width) * BOX.width;
    let best = points[0];
    for (const p of points) if (Math.abs(p.x - x) < Math.abs((best?.x ?? 0) - x)) best = p;
    if (best) select(best.ply);
  };
  return html`
    <svg class="graph" id="eval-graph" viewBox=${`-4 -4 ${BOX.width + 8} ${BOX.height + 8}`}
      role="img" aria-label="evaluation graph" onClick=${pick}>
        <rect class="graph-bg" x="0" y="0" width=${BOX.width} height=${BOX.height} />
        <path class="graph-area" d=${areaPath(points, BOX)} />
        <line class="graph-mid" x1="0" y1=${BOX.height / 2} x2=${BOX.width} y2=${BOX.height / 2} />
        <path class="graph-line" d=${linePath(points)} />
        ${points.map((p) =>
          html`
            <circle class=${`graph-point ${p.judgement ?? "plain"}${
              p.ply === selected ? " selected" : ""
            }`}
              data-ply=${p.ply} data-judgement=${p.judgement ?? ""} cx=${p.x} cy=${p.y}
              r=${p.judgement ? 4 : p.ply === selected ? 3.5 : 1.5} />
          `
        )}
      </svg>
  ` as VNode;
}
