import { whiteWinPercent } from "../lib/score.ts";
import type { AnalysedPly, Judgement } from "./types.ts";

/** The graph's drawing area, in SVG user units. */
export interface GraphBox {
  width: number;
  height: number;
}

/** One point of the evaluation graph: where it is drawn, and what it stands for. */
export interface GraphPoint {
  ply: number;
  x: number;
  y: number;
  /** White's Win% after the ply (0..100). */
  win: number;
  judgement: Judgement;
}

/**
 * The evaluation graph's points, one per ply: x spreads the plies over the width (the first
 * at 0, the last at the right edge), y is White's Win% after the ply from the top (100 %,
 * White winning) to the bottom (0 %), so a mate sits on an edge and no score leaves the box.
 */
export function graphPoints(plies: AnalysedPly[], box: GraphBox): GraphPoint[] {
  const step = plies.length > 1 ? box.width / (plies.length - 1) : 0;
  return plies.map((p, i) => {
    // The mover is the side to move in the position before the ply.
    const win = whiteWinPercent(p.eval, p.fen.split(" ")[1] === "w");
    return {
      ply: p.ply,
      x: round(i * step),
      y: round(box.height * (1 - win / 100)),
      win,
      judgement: p.judgement,
    };
  });
}

const round = (v: number) => Math.round(v * 100) / 100;

/** The SVG path of the graph's line through its points (`M x y L x y …`). */
export function linePath(points: GraphPoint[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x} ${p.y}`).join(" ");
}

/** The SVG path of White's area: under the line down to the bottom edge, closed. */
export function areaPath(points: GraphPoint[], box: GraphBox): string {
  if (points.length === 0) return "";
  const first = points[0]!, last = points[points.length - 1]!;
  return `M${first.x} ${box.height} ${
    linePath(points).replace(/^M/, "L")
  } L${last.x} ${box.height} Z`;
}
