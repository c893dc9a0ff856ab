/** A real redis-server on a free loopback port, no persistence; stopped by PID. */
import { freePort, type Proc, startProc } from "./procs.ts";

/** A started redis-server. */
export interface RedisServer {
  url: string;
  port: number;
  proc: Proc;
  stop: () => Promise<void>;
}

/** Starts redis-server and waits until it answers PING. */
export async function startRedis(port = freePort()): Promise<RedisServer> {
  const proc = startProc("redis-server", [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--save",
    "",
    "--appendonly",
    "no",
  ]);
  for (let i = 0; i < 100; i++) {
    try {
      const conn = await Deno.connect({ hostname: "127.0.0.1", port });
      await conn.write(new TextEncoder().encode("PING\r\n"));
      const buf = new Uint8Array(16);
      const n = await conn.read(buf);
      conn.close();
      if (n && new TextDecoder().decode(buf.subarray(0, n)).startsWith("+PONG")) {
        return {
          url: `redis://127.0.0.1:${port}`,
          port,
          proc,
          stop: async () => void (await proc.stop()),
        };
      }
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not start\n${proc.output()}`);
}
