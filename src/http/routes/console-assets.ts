import { encodeHex } from "../../console/build/hex.ts";
import type { ConsoleManifest } from "../../console/build/manifest.ts";

/** One file of the console, held in memory as served: plain and gzipped, with its ETag. */
export interface ConsoleAsset {
  type: string;
  body: Uint8Array;
  gzip: Uint8Array;
  etag: string;
  /** A hashed name (`main-3FJ2K7QX.js`): its content never changes, so it is cached for good. */
  immutable: boolean;
}

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
};

/** The bytes gzipped (CompressionStream: no dependency). */
export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** One asset from its name and bytes: its type from the extension, a strong ETag of its content. */
export async function consoleAsset(name: string, body: Uint8Array): Promise<ConsoleAsset> {
  const digest = await crypto.subtle.digest("SHA-256", body as BufferSource);
  return {
    type: TYPES[name.slice(name.lastIndexOf(".") + 1)] ?? "application/octet-stream",
    body,
    gzip: await gzip(body),
    etag: `"${encodeHex(digest).slice(0, 32)}"`,
    immutable: name !== "index.html",
  };
}

/** Every file a manifest names, read from `dir` into memory, by name. */
export async function loadAssets(
  dir: URL,
  manifest: ConsoleManifest,
): Promise<Map<string, ConsoleAsset>> {
  const entries = await Promise.all(manifest.files.map(async (name) => {
    return [name, await consoleAsset(name, await Deno.readFile(new URL(name, dir)))] as const;
  }));
  return new Map(entries);
}
