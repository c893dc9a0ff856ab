import type { Line, Score } from "../api/types.ts";

/** A parsed `info` line that carries a principal variation. */
export interface UciInfo {
  line: Line;
  /** `lowerbound`/`upperbound`: an aspiration-window bound, not a finished line. */
  bound: boolean;
  wdl?: [number, number, number];
}

const NUMERIC = new Set(["depth", "seldepth", "multipv", "nodes", "nps", "time"]);

/**
 * Parses a UCI `info` line with a score and a pv into a Line; anything else (currmove lines,
 * `info string`, lines without pv) is null. Unknown tokens are skipped, per the UCI spec.
 */
export function parseInfo(text: string): UciInfo | null {
  const t = text.trim().split(/\s+/);
  if (t[0] !== "info") return null;
  const n: Record<string, number> = {};
  let score: Score | undefined, bound = false, pv: string[] | undefined;
  let wdl: [number, number, number] | undefined;
  for (let i = 1; i < t.length; i++) {
    const tok = t[i]!;
    if (tok === "string") return null;
    if (NUMERIC.has(tok)) n[tok] = Number(t[++i]);
    else if (tok === "score") {
      const kind = t[++i], value = Number(t[++i]);
      if (kind === "cp") score = { cp: value };
      else if (kind === "mate") score = { mate: value };
      while (t[i + 1] === "lowerbound" || t[i + 1] === "upperbound") (bound = true, i++);
    } else if (tok === "wdl") {
      wdl = [Number(t[i + 1]), Number(t[i + 2]), Number(t[i + 3])];
      i += 3;
    } else if (tok === "pv") {
      pv = t.slice(i + 1);
      break;
    }
  }
  if (!score || !pv || n.depth === undefined) return null;
  const line: Line = {
    multipv: n.multipv ?? 1,
    depth: n.depth,
    seldepth: n.seldepth ?? n.depth,
    score,
    pv,
    nodes: n.nodes ?? 0,
    nps: n.nps ?? 0,
    time_ms: n.time ?? 0,
  };
  return wdl ? { line, bound, wdl } : { line, bound };
}

/** A parsed `bestmove` line: the move (null for `(none)`) and the ponder move if any. */
export interface UciBestmove {
  bestmove: string | null;
  ponder: string | null;
}

/** Parses `bestmove e2e4 [ponder e7e5]` / `bestmove (none)`; null for any other line. */
export function parseBestmove(text: string): UciBestmove | null {
  const t = text.trim().split(/\s+/);
  if (t[0] !== "bestmove" || t.length < 2) return null;
  const best = t[1] === "(none)" || t[1] === "0000" ? null : t[1]!;
  const ponder = t[2] === "ponder" && t[3] ? t[3] : null;
  return { bestmove: best, ponder };
}

/** Whether a string is safe to write as one UCI command: no line breaks, no control bytes. */
export function isSafeCommand(cmd: string): boolean {
  // deno-lint-ignore no-control-regex -- the point is to find control characters
  return !/[\u0000-\u001f\u007f]/.test(cmd);
}
