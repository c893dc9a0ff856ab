/// <reference lib="dom" />
import type { VNode } from "preact";
import { html } from "../html.ts";
import type { StatusReport } from "./report.ts";
import { sectionPairs } from "./rows.ts";

/** Small panels beside the spots: the limiter, and the job queue and cache when there are. */
export function Panels({ report }: { report: StatusReport | undefined }): VNode | null {
  if (!report) return null;
  const lim = report.limiter;
  const limiter: [string, string][] = lim
    ? [
      ["backend", lim.backend],
      ["policy", lim.policy],
      ["redis", lim.redis],
      ["fallback", lim.fallback_active ? "active" : "off"],
      ...Object.entries(lim.in_flight ?? {}).map((
        [k, v],
      ): [string, string] => [`in flight (${k})`, String(v)]),
    ]
    : [];
  const panels: [string, [string, string][]][] = [
    ["limiter", limiter],
    ["jobs", sectionPairs(report.jobs)],
    ["cache", sectionPairs(report.cache)],
  ];
  return html`<div class="panels">${
    panels.filter(([, pairs]) => pairs.length > 0).map(([name, pairs]) =>
      html`<dl class="panel" id=${`panel-${name}`}><dt class="title">${name}</dt>${
        pairs.map(([k, v]) =>
          html`
            <div>
              <dt>${k}</dt>
              <dd>${v}</dd>
            </div>
          `
        )
      }</dl>`
    )
  }</div>` as VNode;
}
