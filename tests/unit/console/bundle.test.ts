import assert from "node:assert/strict";
import { buildConsole } from "../../../src/console/build/build.ts";
import { bundleState, ensureBundle, mayBuild } from "../../../src/console/build/ensure.ts";
import { readManifest } from "../../../src/console/build/manifest.ts";
import { resolvePackageFile } from "../../../src/console/build/resolve.ts";
import { sourceHash } from "../../../src/console/build/sources.ts";
import { loadConsoleFiles } from "../../../src/http/routes/console-site.ts";
import { Logger } from "../../../src/obs/log.ts";

const tempDir = async () =>
  new URL(`file://${await Deno.makeTempDir({ prefix: "console-bundle-" })}/`);

Deno.test("console bundle: built with esbuild into hashed files, the page naming them, nothing inline", async () => {
  const dir = await tempDir();
  try {
    const manifest = await buildConsole(dir);
    assert.equal(manifest.source_hash, await sourceHash());
    const [page, script, style] = manifest.files;
    assert.equal(page, "index.html");
    assert.match(script!, /^main-[A-Z0-9]{8}\.js$/);
    assert.match(style!, /^style-[A-Z0-9]{8}\.css$/);
    const html = await Deno.readTextFile(new URL("index.html", dir));
    assert.ok(html.includes(`src="${script}"`) && html.includes(`href="${style}"`));
    assert.doesNotMatch(
      html,
      /<script(?![^>]*\bsrc=)[^>]*>|\bstyle=|\bon[a-z]+=/i,
      "no inline script or style",
    );
    const css = await Deno.readTextFile(new URL(style!, dir));
    assert.match(css, /cg-board/, "chessground's stylesheet is bundled in");
    assert.doesNotMatch(css, /@import/);
    const js = await Deno.readTextFile(new URL(script!, dir));
    assert.doesNotMatch(js, /https?:\/\/(?!www\.w3\.org)/, "no URL to load from elsewhere");
    assert.deepEqual(await readManifest(dir), manifest);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("console bundle: fresh is kept, stale is rebuilt when allowed, else reported", async () => {
  const dir = await tempDir();
  try {
    assert.deepEqual(await bundleState(dir), { manifest: undefined, fresh: false });
    const log: string[] = [];
    const logger = new Logger("warn", {}, (l) => log.push(l));
    const none = await loadConsoleFiles(logger, dir, () => Promise.resolve(false));
    assert.deepEqual(none, { missing: "its bundle is not built" });
    assert.match(log[0]!, /deno task console:build/);
    const built = await ensureBundle(dir, () => Promise.resolve(true));
    assert.equal(built.fresh, true);
    const stamp = (await Deno.stat(new URL("manifest.json", dir))).mtime;
    const kept = await ensureBundle(dir, () => Promise.reject(new Error("not asked when fresh")));
    assert.deepEqual(kept, built);
    assert.deepEqual((await Deno.stat(new URL("manifest.json", dir))).mtime, stamp, "not rebuilt");
    const stale = { ...built.manifest!, source_hash: "older" };
    await Deno.writeTextFile(new URL("manifest.json", dir), JSON.stringify(stale));
    const reported = await ensureBundle(dir, () => Promise.resolve(false));
    assert.deepEqual(reported, { manifest: stale, fresh: false });
    const files = await loadConsoleFiles(logger, dir, () => Promise.resolve(false));
    assert.ok(files instanceof Map && files.has("index.html"), "the stale bundle is still served");
    assert.match(log.at(-1)!, /older than its sources/);
    await Deno.writeTextFile(new URL("manifest.json", dir), "{}");
    assert.equal(await readManifest(dir), undefined, "not a manifest");
    await Deno.writeTextFile(
      new URL("manifest.json", dir),
      JSON.stringify({ source_hash: "x", files: ["gone.js"] }),
    );
    const broken = await loadConsoleFiles(logger, dir, () => Promise.resolve(false));
    assert.match((broken as { missing: string }).missing, /could not be built or loaded/);
    assert.equal(await mayBuild(dir), true, "this test runs with -A");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("console bundle: packages resolve to files in Deno's cache, their dependencies from the importer", () => {
  const chessops = resolvePackageFile("chessops/pgn", import.meta.filename!);
  assert.match(chessops, /chessops.*pgn\.js$/);
  const css = resolvePackageFile(
    "@lichess-org/chessground/assets/chessground.base.css",
    import.meta.filename!,
  );
  assert.match(css, /chessground\.base\.css$/);
  assert.match(resolvePackageFile("@badrap/result", chessops), /@badrap[\/\\]result/);
  assert.throws(() => resolvePackageFile("no-such-package-here", import.meta.filename!));
});
