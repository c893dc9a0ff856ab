/** The bundle folder: git-ignored, at the repository's root (README "Console"). */
export const DIST_DIR: URL = new URL("../../../dist/console/", import.meta.url);

/** The manifest's file name in the bundle folder, written last by a build. */
export const MANIFEST = "manifest.json";

/** What a build wrote: the hash of its sources and its files (the page first). */
export interface ConsoleManifest {
  source_hash: string;
  /** The page (`index.html`), then the hashed script and stylesheet. */
  files: string[];
}

/** The bundle folder's manifest, or undefined when there is none (or it is not one). */
export async function readManifest(dir: URL = DIST_DIR): Promise<ConsoleManifest | undefined> {
  try {
    const parsed = JSON.parse(await Deno.readTextFile(new URL(MANIFEST, dir)));
    const ok = typeof parsed?.source_hash === "string" && Array.isArray(parsed.files) &&
      parsed.files.every((f: unknown) => typeof f === "string");
    return ok ? parsed : undefined;
  } catch {
    return undefined;
  }
}
