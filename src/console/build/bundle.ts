import * as esbuild from "esbuild";
import { denoPackages } from "./resolve.ts";
import { WEB_DIR } from "./sources.ts";

/** One built file: its name in the bundle folder and its bytes. */
export interface BuiltFile {
  name: string;
  bytes: Uint8Array;
}

/** The bundle's two hashed assets, by what they are. */
export interface BuiltAssets {
  script: BuiltFile;
  style: BuiltFile;
}

/**
 * Bundles the console with esbuild: `web/main.ts` (Preact, chessground, chessops) into one
 * minified ES module and `web/style.css` (with chessground's stylesheets) into one
 * stylesheet, each named after its content hash (`main-3FJ2K7QX.js`) so that it can be
 * cached for good. In memory: the caller writes the files.
 */
export async function bundleAssets(): Promise<BuiltAssets> {
  try {
    const result = await esbuild.build({
      entryPoints: [new URL("main.ts", WEB_DIR).pathname, new URL("style.css", WEB_DIR).pathname],
      bundle: true,
      format: "esm",
      target: "es2022",
      platform: "browser",
      minify: true,
      write: false,
      outdir: "/console",
      entryNames: "[name]-[hash]",
      logLevel: "silent",
      plugins: [denoPackages],
    });
    const named = result.outputFiles.map((f) => ({
      name: f.path.slice(f.path.lastIndexOf("/") + 1),
      bytes: f.contents,
    }));
    const script = named.find((f) => f.name.endsWith(".js"));
    const style = named.find((f) => f.name.endsWith(".css"));
    if (!script || !style) throw new Error("esbuild produced no script or no stylesheet");
    return { script, style };
  } finally {
    // esbuild keeps its service process for the next build; the gateway builds once.
    await esbuild.stop();
  }
}
