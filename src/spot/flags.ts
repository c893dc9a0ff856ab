import { parseArgs } from "node:util";

/** The reference spot's settings, from its flags and environment (src/spot/main.ts). */
export interface SpotFlags {
  /** Listen address, `--host` (default 127.0.0.1; the image passes 0.0.0.0). */
  host: string;
  /** Listen port, `--port`, else `PORT`, else 8001. */
  port: number;
  /** Stockfish processes, `--engines` (default 1). */
  engines: number;
  /** Requests that may wait for an engine, `--queue` (default 8). */
  queue: number;
  /** `LOG_LEVEL` (default info). */
  logLevel: "debug" | "info" | "warn" | "error";
  /** `SPOT_SEARCH_DEADLINE_MS`: the longest one search may run (default 600000). */
  searchDeadlineMs: number;
}

const LEVELS = ["debug", "info", "warn", "error"] as const;

function int(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be an integer ${min}..${max}, received ${JSON.stringify(raw)}`);
  }
  return n;
}

/**
 * Reads the spot's flags and environment. Throws one line naming the flag or variable, what
 * it must be and what it holds (`--port must be an integer 1..65535, received "abc"`).
 */
export function parseSpotFlags(args: string[], env: Record<string, string | undefined>): SpotFlags {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args,
      options: {
        port: { type: "string" },
        engines: { type: "string", default: "1" },
        queue: { type: "string", default: "8" },
        host: { type: "string", default: "127.0.0.1" },
      },
    }).values as Record<string, string | undefined>;
  } catch (err) {
    const usage =
      "usage: deno task spot [--port 8001] [--engines 1] [--queue 8] [--host 127.0.0.1]";
    throw new Error(`${(err as Error).message.split("\n")[0]} (${usage})`);
  }
  const level = env.LOG_LEVEL || "info";
  if (!(LEVELS as readonly string[]).includes(level)) {
    throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(", ")}, received "${level}"`);
  }
  const port = values.port ?? (env.PORT || "8001");
  return {
    host: values.host!,
    port: int(values.port === undefined ? "PORT" : "--port", port, 1, 65535),
    engines: int("--engines", values.engines!, 1, 64),
    queue: int("--queue", values.queue!, 0, 10_000),
    logLevel: level as SpotFlags["logLevel"],
    searchDeadlineMs: int(
      "SPOT_SEARCH_DEADLINE_MS",
      env.SPOT_SEARCH_DEADLINE_MS || "600000",
      1,
      86_400_000,
    ),
  };
}
