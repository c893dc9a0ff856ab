import client from "prom-client";

/** A spot's figures at scrape time. */
export interface SpotGaugeSnapshot {
  id: string;
  status: string;
  inFlight: number;
  circuit: 0 | 1 | 2;
}

const STATUSES = ["unknown", "healthy", "degraded", "down"];

/**
 * Registers the per-spot gauges, read from `spots()` at each scrape (prom-client `collect`),
 * so the pool pushes nothing: `spotgate_spot_status{spot,status}` (1 for the current status),
 * `spotgate_spot_in_flight{spot}`, `spotgate_circuit_state{spot}` (0 closed, 1 half, 2 open).
 */
export function registerSpotGauges(
  registry: client.Registry,
  spots: () => SpotGaugeSnapshot[],
): void {
  const gauge = (
    name: string,
    help: string,
    labelNames: string[],
    fill: (g: client.Gauge, s: SpotGaugeSnapshot) => void,
  ) =>
    new client.Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        this.reset();
        for (const s of spots()) fill(this, s);
      },
    });
  gauge("spotgate_spot_status", "1 for the spot's current status", ["spot", "status"], (g, s) => {
    for (const st of STATUSES) g.set({ spot: s.id, status: st }, s.status === st ? 1 : 0);
  });
  gauge("spotgate_spot_in_flight", "Attempts in flight", ["spot"], (g, s) => {
    g.set({ spot: s.id }, s.inFlight);
  });
  gauge("spotgate_circuit_state", "0 closed, 1 half-open, 2 open", ["spot"], (g, s) => {
    g.set({ spot: s.id }, s.circuit);
  });
}
