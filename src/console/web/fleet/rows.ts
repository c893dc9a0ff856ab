import type { SpotStatus } from "./report.ts";

/** One spot's row in the fleet table, every cell as text; `tone` colours the status. */
export interface SpotRow {
  id: string;
  region: string;
  status: string;
  tone: "good" | "warn" | "bad" | "off";
  circuit: string;
  enabled: string;
  load: string;
  latency: string;
  successRate: string;
  lastCheck: string;
  /** Whether an admin may enable it (it was disabled by an admin), else disable it. */
  canEnable: boolean;
}

const ms = (
  v: number | null | undefined,
) => (v === null || v === undefined ? "–" : `${Math.round(v)}`);

/** How long ago an ISO time was, for people: `4 s ago`, `3 min ago`. */
export function ago(iso: string | undefined, now: number): string {
  if (!iso) return "";
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  return s < 120 ? `${s} s ago` : `${Math.round(s / 60)} min ago`;
}

/** The status cell's colour: healthy and usable is good, down or open is bad. */
function toneOf(s: SpotStatus): SpotRow["tone"] {
  if (!s.enabled) return "off";
  if (s.status === "down" || s.circuit === "open") return "bad";
  return s.status === "healthy" && s.usable ? "good" : "warn";
}

/** The fleet table's rows from the status report's spots, at time `now`. */
export function spotRows(spots: SpotStatus[], now: number): SpotRow[] {
  return spots.map((s) => {
    const check = s.last_check;
    const capacity = check?.capacity ?? "?";
    const rate = s.success_rate;
    return {
      id: s.id,
      region: s.region,
      status: s.status,
      tone: toneOf(s),
      circuit: s.circuit,
      enabled: s.enabled ? "yes" : s.admin_disabled ? "disabled by admin" : "disabled",
      load: `${s.in_flight} / ${capacity}`,
      latency: `${ms(s.latency_ms?.p50)} / ${ms(s.latency_ms?.p95)} ms`,
      successRate: rate === null || rate === undefined ? "–" : `${(rate * 100).toFixed(1)} %`,
      lastCheck: check
        ? `${check.ok ? "ok" : check.detail}, ${check.ms} ms, ${ago(check.checked_at, now)}`
        : "not yet",
      canEnable: s.admin_disabled === true,
    };
  });
}

/**
 * A section of the report (jobs, cache) as label/value pairs, for a small panel: its state,
 * not its configured `limits`.
 */
export function sectionPairs(section: Record<string, unknown> | undefined): [string, string][] {
  if (!section) return [];
  return Object.entries(section).flatMap(([k, v]): [string, string][] => {
    if (k === "limits") return [];
    if (v !== null && typeof v === "object") {
      return sectionPairs(v as Record<string, unknown>).map(([kk, vv]) => [`${k} ${kk}`, vv]);
    }
    return [[
      k.replaceAll("_", " "),
      typeof v === "number" && !Number.isInteger(v) ? v.toFixed(3) : String(v),
    ]];
  });
}
