import type { DnsAnswer } from "./spots.ts";
import type { DnsSetting, NameServer } from "./setting.ts";

/** `Deno.resolveDns`, as the resolver uses it (a parameter, so a test can count calls). */
export type ResolveDns = (
  query: string,
  type: "A" | "AAAA" | "SRV",
  options: Deno.ResolveDnsOptions,
) => Promise<unknown[]>;

// Deno reports NXDOMAIN, an empty answer and SERVFAIL alike, as NotFound ("no records found").
const WHY = "(the name is unknown, has no such record, or the server failed)";
async function records(
  resolve: ResolveDns,
  name: string,
  type: "A" | "AAAA" | "SRV",
  options: Deno.ResolveDnsOptions,
): Promise<unknown[]> {
  try {
    return await resolve(name, type, options);
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
  opts: { nameServer?: NameServer; signal: AbortSignal; resolve?: ResolveDns },
): Promise<DnsAnswer> {
  const resolve = opts.resolve ?? (Deno.resolveDns as ResolveDns);
  const options: Deno.ResolveDnsOptions = { signal: opts.signal };
  if (opts.nameServer) options.nameServer = opts.nameServer;
  if (setting.srv) {
    const found = await records(resolve, setting.name, "SRV", options) as Deno.SrvRecord[];
    if (found.length === 0) throw new Error(`no SRV record answered for ${setting.name} ${WHY}`);
    return { kind: "srv", records: found.map(({ port, target }) => ({ port, target })) };
  }
  const [v4, v6] = await Promise.all([
    records(resolve, setting.name, "A", options),
    records(resolve, setting.name, "AAAA", options),
  ]);
  const addresses = [...v4, ...v6] as string[];
  if (addresses.length === 0) {
    throw new Error(`no A or AAAA record answered for ${setting.name} ${WHY}`);
  }
  return { kind: "addresses", addresses };
}
