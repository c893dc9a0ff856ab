/// <reference lib="dom" />
import { useEffect, useState } from "preact/hooks";
import type { VNode } from "preact";
import { html } from "./html.ts";
import { FleetView } from "./fleet/fleet-view.ts";
import { AnalysisView } from "./analysis/analysis-view.ts";
import { PositionView } from "./position/position-view.ts";

/** The console's views, by the URL fragment that opens each (`#fleet`, …). */
export const VIEWS = [
  { id: "fleet", title: "Fleet" },
  { id: "game", title: "Game analysis" },
  { id: "position", title: "Position" },
] as const;

/** A view's id. */
export type ViewId = typeof VIEWS[number]["id"];

/** The view a URL fragment names (the fleet for any other). */
export function viewOf(hash: string): ViewId {
  const id = hash.replace(/^#/, "");
  return VIEWS.find((v) => v.id === id)?.id ?? "fleet";
}

/** The page: a header with a tab per view; the open view follows the URL fragment. */
export function App(): VNode {
  const [view, setView] = useState<ViewId>(viewOf(location.hash));
  useEffect(() => {
    const follow = () => setView(viewOf(location.hash));
    addEventListener("hashchange", follow);
    return () => removeEventListener("hashchange", follow);
  }, []);
  return html`
    <header class="top">
      <h1>spotgate</h1>
      <nav>${VIEWS.map((v) =>
        html`
          <a href=${`#${v.id}`} class=${v.id === view ? "tab active" : "tab"} id=${`tab-${v.id}`}
          >${v.title}</a>
        `
      )}</nav>
    </header>
    <main>
      ${view === "fleet" ? html`<${FleetView} />` : null}
      ${view === "game" ? html`<${AnalysisView} />` : null}
      ${view === "position" ? html`<${PositionView} />` : null}
    </main>
  ` as VNode;
}
