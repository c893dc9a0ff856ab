import { DIST_DIR } from "../../console/build/manifest.ts";
import { ensureBundle } from "../../console/build/ensure.ts";
import type { Logger } from "../../obs/log.ts";
import { loadAssets } from "./console-assets.ts";
import type { ConsoleFiles } from "./console.ts";

/**
 * The console's files for the gateway: the bundle in `dir` (default dist/console/), built
 * first when its sources changed and this process may build (`--allow-run`, and writing
 * there); else the stale bundle with a warning, or none with the reason. Never throws: a
 * console that cannot be had is a 404 that says why, not a gateway that does not start.
 */
export async function loadConsoleFiles(
  log: Logger,
  dir: URL = DIST_DIR,
  allowed?: () => Promise<boolean>,
): Promise<ConsoleFiles> {
  try {
    const state = await ensureBundle(dir, allowed);
    if (!state.manifest) {
      const missing = "its bundle is not built";
      log.warn(`console: ${missing}; run \`deno task console:build\``, { dir: dir.pathname });
      return { missing };
    }
    if (!state.fresh) {
      log.warn("console: the bundle is older than its sources; run `deno task console:build`", {
        dir: dir.pathname,
      });
    }
    return await loadAssets(dir, state.manifest);
  } catch (error) {
    log.error("console: could not build or load the bundle", { error: String(error) });
    return { missing: `its bundle could not be built or loaded (${String(error)})` };
  }
}
