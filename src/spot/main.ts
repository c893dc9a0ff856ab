/**
 * The reference spot: `deno task spot [--port 8001] [--engines 1] [--queue 8]`, engine from
 * STOCKFISH_PATH / PATH / Debian / npm (engine-find.ts). SIGTERM or SIGINT stops it cleanly.
 */
import { listenError, orExit } from "../errors/startup.ts";
import { Logger } from "../obs/log.ts";
import { EngineProcess } from "./engine.ts";
import { findEngine, systemFindDeps } from "./engine-find.ts";
import { EnginePool } from "./engine-pool.ts";
import { parseSpotFlags } from "./flags.ts";
import { spotApp } from "./routes.ts";
import { handshake } from "./uci-handshake.ts";

const flags = await orExit(() => parseSpotFlags(Deno.args, Deno.env.toObject()));
const log = new Logger(flags.logLevel, { service: "spot" });
const found = await findEngine(systemFindDeps());
let engineName = "Stockfish";
const spawn = async () => {
  const engine = new EngineProcess(found.cmd);
  await handshake(engine);
  engineName = engine.name;
  return engine;
};
const pool = new EnginePool(flags.engines, flags.queue, spawn, (err) => {
  log.error("engine replacement failed", { error: String(err) });
});
await pool.start();
log.info("engine ready", { engine: engineName, source: found.source, engines: pool.capacity });

const app = spotApp({
  pool,
  engineName: () => engineName,
  deadlines: {
    readyMs: 10_000,
    searchMs: flags.searchDeadlineMs,
  },
  onEngineFailure: (err) => log.warn("engine failed and was replaced", { error: err.message }),
});
const server = await orExit(() => {
  try {
    return Deno.serve({
      hostname: flags.host,
      port: flags.port,
      onListen: ({ hostname, port }) =>
        log.info("spot listening", { address: `${hostname}:${port}` }),
    }, app.fetch);
  } catch (err) {
    throw listenError(flags.host, flags.port, err, { host: "--host", port: "--port" });
  }
});

const stop = async () => {
  await pool.stop();
  await server.shutdown();
  Deno.exit(0);
};
Deno.addSignalListener("SIGTERM", stop);
Deno.addSignalListener("SIGINT", stop);
