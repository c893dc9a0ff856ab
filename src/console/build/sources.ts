import { encodeHex } from "./hex.ts";

/** The console's browser sources (TypeScript, CSS, the HTML page). */
export const WEB_DIR: URL = new URL("../web/", import.meta.url);

const ROOT = new URL("../../../", import.meta.url);

/**
 * What a bundle is built from, besides WEB_DIR: the bundler's settings and the lock file
 * (the versions of the npm packages that are bundled in).
 */
export const BUILD_INPUTS: readonly URL[] = [
  new URL("./bundle.ts", import.meta.url),
  new URL("./page.ts", import.meta.url),
  new URL("../../../deno.lock", import.meta.url),
];

/** Every file under `dir`, sorted, as URLs. */
async function filesUnder(dir: URL): Promise<URL[]> {
  const found: URL[] = [];
  for await (const entry of Deno.readDir(dir)) {
    const url = new URL(entry.name + (entry.isDirectory ? "/" : ""), dir);
    if (entry.isDirectory) found.push(...await filesUnder(url));
    else found.push(url);
  }
  return found.sort((a, b) => a.href.localeCompare(b.href));
}

/**
 * A SHA-256 over the names and contents of everything a bundle is built from (WEB_DIR and
 * BUILD_INPUTS): a bundle whose recorded hash differs is stale. Content, not mtimes, so a
 * fresh clone or a checkout that touches every file decides the same.
 */
export async function sourceHash(
  dir: URL = WEB_DIR,
  extra: readonly URL[] = BUILD_INPUTS,
): Promise<string> {
  const parts: Uint8Array[] = [];
  const enc = new TextEncoder();
  for (const url of [...await filesUnder(dir), ...extra]) {
    parts.push(enc.encode(`\n${url.href.slice(ROOT.href.length)}\n`));
    parts.push(await Deno.readFile(url));
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return encodeHex(await crypto.subtle.digest("SHA-256", all));
}
