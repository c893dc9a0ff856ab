import { type ConsoleManifest, DIST_DIR, readManifest } from "./manifest.ts";
import { sourceHash } from "./sources.ts";

/** A bundle folder's state against the sources: the manifest, and whether it is current. */
export interface BundleState {
  manifest: ConsoleManifest | undefined;
  fresh: boolean;
}

/** Whether the bundle in `dir` was built from the sources as they are now. */
export async function bundleState(dir: URL = DIST_DIR): Promise<BundleState> {
  const manifest = await readManifest(dir);
  return { manifest, fresh: manifest?.source_hash === await sourceHash() };
}

/** Whether this process may build: esbuild is a process to run, the bundle files to write. */
export async function mayBuild(dir: URL = DIST_DIR): Promise<boolean> {
  const run = await Deno.permissions.query({ name: "run" });
  const write = await Deno.permissions.query({ name: "write", path: dir });
  return run.state === "granted" && write.state === "granted";
}

/**
 * The gateway's start: the bundle as it is when fresh, else built now when this process may
 * build, else the stale bundle (or none) with `fresh: false`, for the caller to report.
 */
export async function ensureBundle(
  dir: URL = DIST_DIR,
  allowed: () => Promise<boolean> = () => mayBuild(dir),
): Promise<BundleState> {
  const state = await bundleState(dir);
  if (state.fresh || !(await allowed())) return state;
  // Loaded only to build: esbuild's module is megabytes of the gateway's idle memory otherwise.
  const { buildConsole } = await import("./build.ts");
  return { manifest: await buildConsole(dir), fresh: true };
}
