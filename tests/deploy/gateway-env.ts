/** The environment variables the gateway and the spot read, from their source. */
import { envSchema } from "../../src/config/env.ts";

/** Names no deploy file may set: HOSTNAME is the container's name, never a listen address. */
export const NEVER_SET = ["HOSTNAME"];

const NAME_PATTERNS = [
  /\benv\.([A-Z][A-Z0-9_]*)\b/g,
  /\benv\(\s*"([A-Z][A-Z0-9_]*)"/g,
  /\benv\.get\(\s*"([A-Z][A-Z0-9_]*)"/g,
  /\benv\[\s*"([A-Z][A-Z0-9_]*)"\s*\]/g,
];

/** Names `env.X`, `env("X")`, `env.get("X")` or `env["X"]` reads in the .ts files under `dir`. */
export async function namesReadUnder(
  dir: string,
  skip: (path: string) => boolean,
): Promise<Set<string>> {
  const names = new Set<string>();
  const walk = async (d: string) => {
    for await (const e of Deno.readDir(d)) {
      const path = `${d}/${e.name}`;
      if (skip(path)) continue;
      if (e.isDirectory) await walk(path);
      else if (e.name.endsWith(".ts")) {
        const text = await Deno.readTextFile(path);
        for (const re of NAME_PATTERNS) for (const m of text.matchAll(re)) names.add(m[1]!);
      }
    }
  };
  await walk(dir);
  return names;
}

/** Every name the gateway reads today: the env schema's keys and every `env.X` of src/. */
export async function gatewayReads(): Promise<Set<string>> {
  const read = await namesReadUnder("src", (p) => p === "src/spot" || p === "src/demo.ts");
  for (const key of Object.keys(envSchema.shape)) read.add(key);
  return read;
}

/** Every name the reference spot reads (src/spot/). */
export function spotReads(): Promise<Set<string>> {
  return namesReadUnder("src/spot", () => false);
}
