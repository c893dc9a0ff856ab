/// <reference lib="dom" />
import type { VNode } from "preact";
import { useState } from "preact/hooks";
import { html } from "../html.ts";
import type { ApiError } from "../lib/api-error.ts";
import { ErrorNotice, StreamNotice } from "../lib/notice.ts";
import { useStream } from "../lib/use-stream.ts";
import { type AdminAction, adminAction } from "./admin.ts";
import { Panels } from "./panels.ts";
import type { StatusReport } from "./report.ts";
import { type SpotRow, spotRows } from "./rows.ts";

/** The status stream's path (the `/healthz` data every second). */
export const STATUS_URL = "/healthz/events";

/** The fleet view: every spot live from the status stream, and admin actions with a token. */
export function FleetView(): VNode {
  const [report, setReport] = useState<StatusReport | undefined>(undefined);
  const [token, setToken] = useState("");
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const state = useStream(STATUS_URL, (ev) => {
    if (ev.event === "status") setReport(JSON.parse(ev.data));
  });
  const act = async (spot: string, action: AdminAction) => {
    setError(await adminAction(token, spot, action));
  };
  const rows = report ? spotRows(report.spots, Date.now()) : [];
  return html`
    <section id="fleet" class="view">
      <${StreamNotice} state=${state} />
      <p class="summary" id="gateway-summary">${report
        ? `gateway ${report.status}, v${report.version}, up ${report.uptime_s} s, ` +
          `${report.in_flight} in flight, ${report.streams_active} streams`
        : "waiting for the first status…"}</p>
      <table class="spots" id="spots">
        <thead>
          <tr><th>spot</th><th>region</th><th>status</th><th>circuit</th><th>enabled</th>
            <th>in flight / capacity</th><th>p50 / p95</th><th>success</th><th>last check</th>
            ${token ? html`<th>admin</th>` : null}</tr>
        </thead>
        <tbody>${rows.map((r) =>
          html`<${SpotLine} row=${r} admin=${token !== ""} act=${act} />`
        )}</tbody>
      </table>
      <${Panels} report=${report} />
      <form class="admin" onSubmit=${(e: Event) => e.preventDefault()}>
          <label>Admin token (kept in this page's memory only)
            <input type="password" id="admin-token" autocomplete="off" value=${token}
              onInput=${(e: Event) => setToken((e.target as HTMLInputElement).value)} /></label>
          ${token
            ? html`<button type="button" onClick=${() => setToken("")}>Forget</button>`
            : null}
        </form>
      <${ErrorNotice} error=${error} />
    </section>
  ` as VNode;
}

function SpotLine(
  { row, admin, act }: { row: SpotRow; admin: boolean; act: (id: string, a: AdminAction) => void },
): VNode {
  const toggle: AdminAction = row.canEnable ? "enable" : "disable";
  return html`<tr data-spot=${row.id} data-status=${row.status} data-enabled=${row.enabled}>
    <td>${row.id}</td><td>${row.region}</td>
    <td class=${`status ${row.tone}`}>${row.status}</td><td>${row.circuit}</td>
    <td class="enabled">${row.enabled}</td><td>${row.load}</td><td>${row.latency}</td>
    <td>${row.successRate}</td><td>${row.lastCheck}</td>
    ${
    admin
      ? html`<td class="actions">
      <button type="button" data-action=${toggle} onClick=${() =>
        act(row.id, toggle)}>${toggle}</button>
      <button type="button" data-action="healthcheck" onClick=${() => act(row.id, "healthcheck")}
        >check now</button></td>`
      : null
  }
  </tr>` as VNode;
}
