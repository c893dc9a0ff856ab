import type { SpotConfig } from "../config/schema.ts";
import type { DnsSetting } from "./setting.ts";

/**
 * The most spots one discovered set holds (a listed set holds 10): past it, the first 100 by
 * id are used and the rest are reported as dropped.
 */
export const MAX_DISCOVERED_SPOTS = 100;

/** What a resolution gave: the addresses of an A/AAAA name, or the records of an SRV name. */
export type DnsAnswer =
  | { kind: "addresses"; addresses: string[] }
  | { kind: "srv"; records: { port: number; target: string }[] };

/** A discovered set: spots sorted by id, and how many addresses did not fit. */
export interface DiscoveredSet {
  spots: SpotConfig[];
  dropped: number;
}

// FNV-1a, 32 bits: a short stable suffix where a name is too long for an id, or two collide.
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * A spot id from an address and port, valid per the id rule (1-64 of `[a-z0-9-]`): every other
 * character becomes `-` (`10.1.2.3`, 8001 → `dns-10-1-2-3-8001`; `fd00::1` → `dns-fd00--1-8001`);
 * past 64 characters it is cut and gets a hash of the whole.
 */
export function spotId(host: string, port: number): string {
  const id = `dns-${host.toLowerCase().replace(/\.$/, "").replace(/[^a-z0-9]/g, "-")}-${port}`;
  return id.length <= 64 ? id : `${id.slice(0, 55)}-${hash(id)}`;
}

/** The spots of an answer: one per address (or SRV target and port), priority 100, region dns. */
export function spotsFromAnswer(setting: DnsSetting, answer: DnsAnswer): DiscoveredSet {
  const endpoints = answer.kind === "addresses"
    ? answer.addresses.map((a) => ({ host: a, port: setting.port }))
    // RFC 2782: a target of "." means the service is not offered there.
    : answer.records.filter((r) => r.target !== ".").map((r) => ({
      host: r.target.replace(/\.$/, ""),
      port: r.port,
    }));
  const byId = new Map<string, SpotConfig>();
  for (const { host, port } of endpoints) {
    const address = host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
    const url = `${setting.scheme}://${address}${setting.prefix}`;
    let id = spotId(host, port);
    if (byId.get(id)?.url === url) continue; // the same address twice
    if (byId.has(id)) id = `${id.slice(0, 55)}-${hash(url)}`;
    byId.set(id, { id, url, region: "dns", priority: 100, enabled: true });
  }
  const spots = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    spots: spots.slice(0, MAX_DISCOVERED_SPOTS),
    dropped: Math.max(0, spots.length - MAX_DISCOVERED_SPOTS),
  };
}

/** The ids added and removed from `before` to `after`; both empty when the set is unchanged. */
export function diffSpots(
  before: SpotConfig[],
  after: SpotConfig[],
): { added: string[]; removed: string[] } {
  const was = new Map(before.map((s) => [s.id, s.url]));
  const now = new Map(after.map((s) => [s.id, s.url]));
  return {
    added: after.filter((s) => was.get(s.id) !== s.url).map((s) => s.id),
    removed: before.filter((s) => now.get(s.id) !== s.url).map((s) => s.id),
  };
}
