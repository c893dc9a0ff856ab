import type { DnsAnswer } from "./spots.ts";
import type { DnsSetting, NameServer } from "./setting.ts";

// Deno reports NXDOMAIN, an empty answer and SERVFAIL alike, as NotFound ("no records found"):
// all three are "no record", and the message says it could be any of them.
const WHY = "(the name is unknown, has no such record, or the server failed)";

async function records(
  name: string,
  type: "A" | "AAAA" | "SRV",
  options: Deno.ResolveDnsOptions,
): Promise<unknown[]> {
  try {
    return await Deno.resolveDns(name, type, options);
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) return [];
    throw err;
  }
}

/**
 * Resolves the setting's name once: SRV records for an SRV name, else A and AAAA together.
 * Throws when the resolver fails (timeout, unreachable) or when no record answers at all: a
 * set never becomes empty through DNS, the last good one is kept (see DnsDiscovery).
 */
export async function resolveSetting(
  setting: DnsSetting,
  opts: { nameServer?: NameServer; signal: AbortSignal },
): Promise<DnsAnswer> {
  const options: Deno.ResolveDnsOptions = { signal: opts.signal };
  if (opts.nameServer) options.nameServer = opts.nameServer;
  if (setting.srv) {
    const found = await records(setting.name, "SRV", options) as Deno.SrvRecord[];
    if (found.length === 0) throw new Error(`no SRV record answered for ${setting.name} ${WHY}`);
    return { kind: "srv", records: found.map(({ port, target }) => ({ port, target })) };
  }
  const [v4, v6] = await Promise.all([
    records(setting.name, "A", options),
    records(setting.name, "AAAA", options),
  ]);
  const addresses = [...v4, ...v6] as string[];
  if (addresses.length === 0) {
    throw new Error(`no A or AAAA record answered for ${setting.name} ${WHY}`);
  }
  return { kind: "addresses", addresses };
}
