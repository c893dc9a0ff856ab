import type { Plugin } from "esbuild";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
// Type-only imports put the console's npm packages in this module's graph, so that Deno
// resolves their files (import.meta.resolve then answers a path in Deno's npm cache rather
// than an `npm:` specifier); esbuild cannot find them itself, as there is no node_modules.
import type {} from "@lichess-org/chessground";
import type {} from "chessops";
import type {} from "preact";
import type {} from "htm";

// A bare package specifier (`chessops/pgn`, `@lichess-org/chessground/assets/x.css`), never a
// path, a URL nor a `data:` URI in a stylesheet.
const BARE = /^[@a-z][^:]*$/i;

/**
 * Where a bare specifier imported from `importer` lives on disk: the import map's packages
 * through Deno's own resolution, their dependencies (not in the import map) as Node would
 * find them from the importing file. Throws when it is neither.
 */
export function resolvePackageFile(specifier: string, importer: string): string {
  let url: string | undefined;
  try {
    url = import.meta.resolve(specifier);
  } catch { /* not in the import map: a dependency of a package */ }
  if (url?.startsWith("file:")) return fileURLToPath(url);
  return createRequire(importer).resolve(specifier);
}

/** The esbuild plugin that resolves bare specifiers with `resolvePackageFile`. */
export const denoPackages: Plugin = {
  name: "deno-packages",
  setup(build) {
    build.onResolve({ filter: BARE }, (args) => ({
      path: resolvePackageFile(args.path, args.importer),
    }));
  },
};
