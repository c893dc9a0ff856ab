import type { BuiltAssets } from "./bundle.ts";
import { WEB_DIR } from "./sources.ts";

/**
 * The console's page: `web/index.html` with its `{{script}}` and `{{style}}` placeholders
 * replaced by the hashed asset names (relative, so the page works under `/console/`).
 */
export async function renderPage(assets: BuiltAssets): Promise<string> {
  const template = await Deno.readTextFile(new URL("index.html", WEB_DIR));
  return template.replaceAll("{{script}}", assets.script.name)
    .replaceAll("{{style}}", assets.style.name);
}
