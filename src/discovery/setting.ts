/**
 * `ENGINE_SPOTS_DNS` and `SPOT_DNS_SERVER`, parsed (pure). The setting names the spots the way
 * Envoy's STRICT_DNS clusters do: a DNS name whose A/AAAA records are the spots' addresses,
 * with their port (`spots-headless.ns.svc.cluster.local:8001`), or an SRV name, which starts
 * with `_` (`_http._tcp.spots-headless.ns.svc.cluster.local`) and whose records give target
 * and port. An `https://` scheme and a path prefix (`https://spots.ns:8443/sf1`) are allowed.
 */

/** A parsed `ENGINE_SPOTS_DNS`. */
export interface DnsSetting {
  /** The name to resolve, as written (lower case). */
  name: string;
  /** True for an SRV name (it starts with `_`): targets and ports come from the records. */
  srv: boolean;
  scheme: "http" | "https";
  /** The spots' port for A/AAAA names (default 80 for http, 443 for https); 0 for SRV. */
  port: number;
  /** The path prefix every spot URL gets (`/sf1`), or "". */
  prefix: string;
}

/** A resolver address for `Deno.resolveDns`'s `nameServer`. */
export interface NameServer {
  ipAddr: string;
  port: number;
}

const EXAMPLES =
  "a DNS name and port such as spots-headless.ns.svc.cluster.local:8001, or an SRV name such as _http._tcp.spots-headless.ns.svc.cluster.local";
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Parses `ENGINE_SPOTS_DNS`; throws a "must be …" message (see `readEnv`). */
export function parseDnsSetting(value: string): DnsSetting {
  const text = value.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase() ?? "http";
  if (scheme !== "http" && scheme !== "https") {
    throw new Error(`must start with http:// or https:// when it has a scheme`);
  }
  let url: URL;
  try {
    url = new URL(text.includes("://") ? text : `http://${text}`);
  } catch {
    throw new Error(`must be ${EXAMPLES}`);
  }
  if (url.username || url.password || url.search || url.hash || /[?#]/.test(text)) {
    throw new Error("must have no credentials, query or fragment (/health and /analyze follow it)");
  }
  const name = url.hostname;
  if (IPV4.test(name) || name.startsWith("[")) {
    throw new Error("must be a DNS name, not an address (for one fixed spot, set ENGINE_URL)");
  }
  const srv = name.startsWith("_");
  if (srv && url.port) {
    throw new Error("must not give a port with an SRV name (its records give the ports)");
  }
  const port = srv ? 0 : Number(url.port || (scheme === "https" ? 443 : 80));
  return { name, srv, scheme, port, prefix: url.pathname.replace(/\/+$/, "") };
}

/** Parses `SPOT_DNS_SERVER` (`10.96.0.10`, `127.0.0.1:5353`, `[fd00::10]:53`); port 53 if none. */
export function parseNameServer(value: string): NameServer {
  const m = /^(?:\[([0-9a-f:.]+)\]|(\d{1,3}(?:\.\d{1,3}){3}))(?::(\d{1,5}))?$/i.exec(value.trim());
  const port = Number(m?.[3] ?? 53);
  if (!m || port < 1 || port > 65535) {
    throw new Error(
      "must be an IP address with an optional port, such as 10.96.0.10:53 or [fd00::10]:53",
    );
  }
  return { ipAddr: m[1] ?? m[2]!, port };
}
