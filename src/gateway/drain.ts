import type { Gateway } from "./gateway.ts";
import type { OpenedClientStream } from "../proxy/stream-types.ts";

/** What a drain needs: the gateway, its server, the open client streams, and the deadline. */
export interface DrainOptions {
  gw: Gateway;
  server: { shutdown(): Promise<void> };
  streams: Set<OpenedClientStream>;
  timeoutMs: number;
  signal: string;
}

/**
 * Graceful shutdown: `/readyz` turns 503 at once, the listener stops taking connections, and
 * in-flight requests and streams finish, up to `timeoutMs`; streams still open then end with
 * an `error` event, so no client is cut off without a word.
 */
export async function drain(opts: DrainOptions): Promise<void> {
  const { gw, streams } = opts;
  gw.draining = true;
  gw.log.info("draining", {
    signal: opts.signal,
    streams: streams.size,
    timeout_ms: opts.timeoutMs,
  });
  const closed = opts.server.shutdown();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<"timeout">((r) =>
    timer = setTimeout(() => r("timeout"), opts.timeoutMs)
  );
  const first = await Promise.race([closed.then(() => "closed" as const), deadline]);
  clearTimeout(timer);
  if (first === "timeout") {
    gw.log.warn("drain timeout: ending open streams", { streams: streams.size });
    for (const s of streams) {
      s.terminate({
        code: "no_spot_available",
        message: "The gateway is shutting down",
        hint: "Retry: another replica will take the analysis",
      });
    }
    await closed;
  }
}
