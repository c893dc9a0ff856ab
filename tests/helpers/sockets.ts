/** Counts TCP connections on this machine from /proc/net/tcp (Linux), for leak checks. */

const ESTABLISHED = "01", TIME_WAIT = "06";

/** Established IPv4/IPv6 connections whose remote end is loopback port `port`. */
export function connectionsTo(port: number): Promise<number> {
  return socketsTo(port, ESTABLISHED);
}

/**
 * Connections to loopback port `port` that this machine closed in the last minute or so (in
 * TIME_WAIT): each is a connection dialled and not reused.
 */
export function closedConnectionsTo(port: number): Promise<number> {
  return socketsTo(port, TIME_WAIT);
}

async function socketsTo(port: number, state: string): Promise<number> {
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  let n = 0;
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    const text = await Deno.readTextFile(file).catch(() => "");
    for (const line of text.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 4) continue;
      if (cols[2]!.endsWith(`:${hex}`) && cols[3] === state) n++;
    }
  }
  return n;
}

/** Polls `probe` until it returns a value `ok` accepts or `ms` passes; returns the last value. */
export async function eventually<T>(
  probe: () => Promise<T>,
  ok: (v: T) => boolean,
  ms: number,
): Promise<T> {
  const until = Date.now() + ms;
  let v = await probe();
  while (!ok(v) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    v = await probe();
  }
  return v;
}
