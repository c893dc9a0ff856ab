/**
 * The reference spot: `deno task spot [--port 8001] [--engines 1] [--queue 8]`, engine from
 * STOCKFISH_PATH / PATH / Debian / npm (engine-find.ts). SIGTERM or SIGINT stops it cleanly.
 */
import { parseArgs } from "node:util";
import { Logger } from "../obs/log.ts";
import { EngineProcess } from "./engine.ts";
import { findEngine, systemFindDeps } from "./engine-find.ts";
import { EnginePool } from "./engine-pool.ts";
import { spotApp } from "./routes.ts";
import { handshake } from "./uci-handshake.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    port: { type: "string", default: Deno.env.get("PORT") ?? "8001" },
    engines: { type: "string", default: "1" },
    queue: { type: "string", default: "8" },
    host: { type: "string", default: "127.0.0.1" },
  },
});
const log = new Logger((Deno.env.get("LOG_LEVEL") as "info") ?? "info", { service: "spot" });
const found = await findEngine(systemFindDeps());
let engineName = "Stockfish";
const spawn = async () => {
  const engine = new EngineProcess(found.cmd);
  await handshake(engine);
  engineName = engine.name;
  return engine;
};
const pool = new EnginePool(Number(values.engines), Number(values.queue), spawn, (err) => {
  log.error("engine replacement failed", { error: String(err) });
});
await pool.start();
log.info("engine ready", { engine: engineName, source: found.source, engines: pool.capacity });

const app = spotApp({
  pool,
  engineName: () => engineName,
  deadlines: {
    readyMs: 10_000,
    searchMs: Number(Deno.env.get("SPOT_SEARCH_DEADLINE_MS") ?? 600_000),
  },
  onEngineFailure: (err) => log.warn("engine failed and was replaced", { error: err.message }),
});
const server = Deno.serve({
  hostname: values.host,
  port: Number(values.port),
  onListen: ({ port }) => log.info("spot listening", { port }),
}, app.fetch);

const stop = async () => {
  await pool.stop();
  await server.shutdown();
  Deno.exit(0);
};
Deno.addSignalListener("SIGTERM", stop);
Deno.addSignalListener("SIGINT", stop);
