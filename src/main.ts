/**
 * The gateway: `deno task start`. Environment and spots.json (or DNS) → config; wires the Gateway,
 * serves on LISTEN_HOST:PORT, reloads config on change and SIGHUP, drains on SIGTERM/SIGINT.
 */
import { createApp } from "./app.ts";
import { readEnv } from "./config/env.ts";
import { loadConfig } from "./config/load.ts";
import { ConfigWatcher } from "./config/watch.ts";
import { Gateway } from "./gateway/gateway.ts";
import { drain } from "./gateway/drain.ts";
import { Logger } from "./obs/log.ts";
import { BufferedLineWriter } from "./obs/log-writer.ts";
import type { OpenedClientStream } from "./proxy/stream-types.ts";
import { extrasFor } from "./gateway/extras.ts";
import { listenError, orExit } from "./errors/startup.ts";
import { startDiscovery } from "./discovery/gateway-discovery.ts";

const envMap = Deno.env.toObject();
const env = await orExit(() => readEnv(envMap));
// Lines go out in batches (every 100 ms at most), not one synchronous write per request.
const lines = new BufferedLineWriter();
const log = new Logger(env.LOG_LEVEL, { service: "spotgate" }, (line) => lines.write(line));
globalThis.addEventListener("unload", () => lines.flushSync());
const load = () => loadConfig(envMap, (p) => Deno.readTextFile(p));
const config = await orExit(async () => {
  const first = await load();
  if (!first.ok) throw new Error(`the config is invalid: ${first.error}`);
  return first.config;
});
const gw = new Gateway(env, config, log);
const streams = new Set<OpenedClientStream>();
const extras = await orExit(() => extrasFor(gw));
const app = createApp(gw, streams, extras);
const discovery = await startDiscovery(gw);
const watcher = new ConfigWatcher({
  path: env.SPOTS_FILE,
  load,
  onConfig: (config, trigger) => gw.applyConfig(discovery?.withSpots(config) ?? config, trigger),
  onError: (error, trigger) => gw.rejectConfig(error, trigger),
});
await watcher.start();
gw.prober.sync();
const server = await orExit(() => {
  try {
    return Deno.serve({
      hostname: env.LISTEN_HOST,
      port: env.PORT,
      onListen: ({ hostname, port }) =>
        log.info("spotgate listening", {
          address: `${hostname}:${port}`,
          spots: gw.pool.list().length,
        }),
    }, app.fetch);
  } catch (err) {
    throw listenError(env.LISTEN_HOST, env.PORT, err);
  }
});

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  watcher.stop();
  discovery?.stop();
  await drain({ gw, server, streams, timeoutMs: env.DRAIN_TIMEOUT * 1000, signal });
  await extras.close?.();
  gw.prober.stop();
  log.info("spotgate stopped", { signal });
  await lines.flush();
  Deno.exit(0);
};
Deno.addSignalListener("SIGTERM", () => stop("SIGTERM"));
Deno.addSignalListener("SIGINT", () => stop("SIGINT"));
