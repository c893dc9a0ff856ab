/// <reference lib="dom" />
/**
 * The console's entry (README "Console"): the fleet view, the game analysis and the
 * single-position analysis, rendered with Preact into the page's `#app`.
 */
import { render } from "preact";
import { App } from "./app.ts";
import { html } from "./html.ts";

const root = document.getElementById("app");
if (root) {
  // The "loading" line is replaced, not kept below the app.
  root.textContent = "";
  render(html`<${App} />`, root);
}
