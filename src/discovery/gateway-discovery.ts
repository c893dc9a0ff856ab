import client from "prom-client";
import type { RoutingConfig } from "../config/schema.ts";
import type { Gateway } from "../gateway/gateway.ts";
import { DnsDiscovery } from "./discovery.ts";
import { MAX_DISCOVERED_SPOTS } from "./spots.ts";

/** DNS discovery wired to a gateway, and how a reloaded file keeps the discovered spots. */
export interface GatewayDiscovery {
  /** `config` with the discovered spots in place of its own (none: a file in DNS mode). */
  withSpots: (config: RoutingConfig) => RoutingConfig;
  stop: () => void;
}

/**
 * Starts spot discovery when `ENGINE_SPOTS_DNS` is set (else undefined): resolves once before
 * the gateway serves, then every `SPOT_DNS_INTERVAL` seconds. Each changed set is applied as a
 * reload (trigger "dns"; added spots get a slow start, removed ones drain, the others keep their
 * state); `spotgate_discovery_refreshes_total{result}` counts changed, unchanged and error.
 */
export async function startDiscovery(gw: Gateway): Promise<GatewayDiscovery | undefined> {
  const setting = gw.env.ENGINE_SPOTS_DNS;
  if (!setting) return undefined;
  const refreshes = new client.Counter({
    name: "spotgate_discovery_refreshes_total",
    help: "DNS spot discovery refreshes by result (changed, unchanged, error)",
    labelNames: ["result"],
    registers: [gw.metrics.registry],
  });
  const discovery = new DnsDiscovery({
    setting,
    intervalMs: gw.env.SPOT_DNS_INTERVAL * 1000,
    nameServer: gw.env.SPOT_DNS_SERVER,
    log: gw.log,
    onRefresh: (result) => refreshes.inc({ result }),
    onChange: ({ spots, dropped }) => {
      if (dropped > 0) {
        const msg = `spot discovery found more than ${MAX_DISCOVERED_SPOTS} spots, using the first`;
        gw.log.warn(msg, { name: setting.name, dropped });
      }
      gw.applyConfig({ ...gw.config, spots }, "dns");
    },
  });
  await discovery.refresh();
  discovery.start();
  return {
    withSpots: (config) => ({ ...config, spots: discovery.spots }),
    stop: () => discovery.stop(),
  };
}
