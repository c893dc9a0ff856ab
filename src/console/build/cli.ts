/**
 * `deno task console:build`: bundles the console into dist/console/ when its sources changed
 * (README "Console"); prints what it did. The gateway does the same at start when it may.
 */
import { buildConsole } from "./build.ts";
import { bundleState } from "./ensure.ts";

const force = Deno.args.includes("--force");
const state = await bundleState();
const manifest = state.fresh && !force ? state.manifest! : await buildConsole();
const what = state.fresh && !force ? "up to date" : "built";
// deno-lint-ignore no-console -- a build command reports what it wrote
console.log(`console bundle ${what}: dist/console/ (${manifest.files.join(", ")})`);
