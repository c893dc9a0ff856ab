import { Analyzer } from "../cache/analyzer.ts";
import type { AnalyzerDeps } from "../cache/analyzer-types.ts";
import { checkSpot } from "../upstream/health-check.ts";
import type { Gateway } from "./gateway.ts";

// How long the "is the spot still answering?" check after a timeout may take.
const STILL_ANSWERING_MS = 2_000;

/** The parts of an analyzer that the cache brings (absent: no cache, no coalescing). */
export type CacheParts = Pick<AnalyzerDeps, "cache" | "flights" | "metrics">;

/** The gateway's analyzer: its router and live timeouts, and the cache parts when on. */
export function analyzerFor(gw: Gateway, parts: CacheParts = {}): Analyzer {
  return new Analyzer({
    router: gw.router,
    timeouts: () => gw.timeouts(),
    stillAnswering: async (url) => (await checkSpot(url, STILL_ANSWERING_MS)).ok,
    ...parts,
  });
}
