import { bundleAssets } from "./bundle.ts";
import { type ConsoleManifest, DIST_DIR, MANIFEST } from "./manifest.ts";
import { renderPage } from "./page.ts";
import { sourceHash } from "./sources.ts";

/**
 * Writes one file so that no reader sees it half-written, even when two gateways build at
 * once: to a name of its own, then renamed over the target.
 */
async function writeAtomically(dir: URL, name: string, bytes: Uint8Array): Promise<void> {
  const temp = new URL(`.${name}.${crypto.randomUUID()}.tmp`, dir);
  await Deno.writeFile(temp, bytes);
  await Deno.rename(temp, new URL(name, dir));
}

/**
 * Builds the console into `dir` (default DIST_DIR): the hashed script and stylesheet, the
 * page, then the manifest, so a manifest always names files that are there. Older hashed
 * files are left: a page still open elsewhere may load them.
 */
export async function buildConsole(dir: URL = DIST_DIR): Promise<ConsoleManifest> {
  const hash = await sourceHash();
  const assets = await bundleAssets();
  await Deno.mkdir(dir, { recursive: true });
  await writeAtomically(dir, assets.script.name, assets.script.bytes);
  await writeAtomically(dir, assets.style.name, assets.style.bytes);
  const enc = new TextEncoder();
  await writeAtomically(dir, "index.html", enc.encode(await renderPage(assets)));
  const manifest = {
    source_hash: hash,
    files: ["index.html", assets.script.name, assets.style.name],
  };
  await writeAtomically(dir, MANIFEST, enc.encode(JSON.stringify(manifest, null, 2) + "\n"));
  return manifest;
}
