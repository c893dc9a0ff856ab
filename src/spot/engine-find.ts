/** How to start an engine: the command line, and where it came from (for the log). */
export interface EngineCommand {
  cmd: string[];
  source: "STOCKFISH_PATH" | "PATH" | "debian" | "npm-wasm";
}

/** What finding an engine may look at, passed in so the decision is testable. */
export interface FindDeps {
  env: (name: string) => string | undefined;
  isFile: (path: string) => boolean;
  /** Installs npm `stockfish@19` (once) and returns its single-threaded lite build's path. */
  installWasm: () => Promise<string>;
}

const WASM_JS = "node_modules/stockfish/bin/stockfish-19-lite-single.js";

/**
 * The engine to run: `STOCKFISH_PATH`, else `stockfish` on PATH, else Debian's
 * `/usr/games/stockfish`, else npm's WebAssembly Stockfish under `node` (fetched only then:
 * the tarball is ~160 MB; it misdetects its environment under Deno, so Node runs it).
 */
export async function findEngine(deps: FindDeps): Promise<EngineCommand> {
  const explicit = deps.env("STOCKFISH_PATH");
  if (explicit) {
    if (!deps.isFile(explicit)) throw new Error(`STOCKFISH_PATH ${explicit} is not a file`);
    return { cmd: [explicit], source: "STOCKFISH_PATH" };
  }
  for (const dir of (deps.env("PATH") ?? "").split(":").filter(Boolean)) {
    if (deps.isFile(`${dir}/stockfish`)) return { cmd: [`${dir}/stockfish`], source: "PATH" };
  }
  if (deps.isFile("/usr/games/stockfish")) {
    return { cmd: ["/usr/games/stockfish"], source: "debian" };
  }
  return { cmd: ["node", await deps.installWasm()], source: "npm-wasm" };
}

/** The real FindDeps: the process environment, the file system, and `npm install`. */
export function systemFindDeps(): FindDeps {
  const isFile = (p: string) => {
    try {
      return Deno.statSync(p).isFile;
    } catch {
      return false;
    }
  };
  const cache = `${Deno.env.get("HOME") ?? "/tmp"}/.cache/spotgate/stockfish-wasm`;
  return {
    env: (name) => Deno.env.get(name),
    isFile,
    installWasm: async () => {
      if (!isFile(`${cache}/${WASM_JS}`)) {
        const args = ["install", "--no-save", "--prefix", cache, "stockfish@19"];
        const out = await new Deno.Command("npm", { args, stdout: "null", stderr: "inherit" })
          .output();
        if (!out.success) throw new Error("npm install stockfish@19 failed");
      }
      return `${cache}/${WASM_JS}`;
    },
  };
}
