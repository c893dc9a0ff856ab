import { GatewayError } from "../errors/gateway-error.ts";
import type { TriedSpot } from "./router.ts";

/**
 * The error for a request no attempt could answer: 504 when every attempt timed out, else
 * 503 `no_spot_available`. Spot addresses never appear; ids and reasons do.
 */
export function exhausted(tried: TriedSpot[]): GatewayError {
  if (tried.at(-1)?.outcome === "http_4xx") {
    return new GatewayError("invalid_request", "The spot refused the request as invalid", {
      hint: "Check the request against the engine API; the gateway does not retry a 4xx",
    });
  }
  if (tried.length > 0 && tried.every((t) => t.outcome === "timeout")) {
    return new GatewayError(
      "upstream_timeout",
      `No spot answered in time (tried ${names(tried)})`,
      {
        hint: "Retry later or with a lower depth",
      },
    );
  }
  const why = tried.length === 0
    ? "every spot is down, disabled or circuit-open"
    : `every attempt failed (${tried.map((t) => `${t.spot}: ${t.outcome}`).join(", ")})`;
  return new GatewayError("no_spot_available", `No engine spot is available: ${why}`, {
    hint: "Retry after the Retry-After delay; check /healthz for the spots' status",
    retryAfter: 1,
  });
}

function names(tried: TriedSpot[]): string {
  return tried.map((t) => t.spot).join(", ");
}
