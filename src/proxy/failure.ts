import { GatewayError } from "../errors/gateway-error.ts";
import type { StopReason } from "./attempts.ts";
import type { TriedSpot, Unavailable } from "./router.ts";
import type { Refusal } from "./stream-open.ts";

/** Why the last attempts ended, besides the attempts themselves. */
export interface Exhaustion {
  /** The fleet's state now: every usable spot full, or none usable, and for how long. */
  unavailable: Unavailable;
  stopped?: StopReason;
  /** A spot's 4xx answer, relayed in the gateway's error shape. */
  refusal?: Refusal;
}

/** The spot's 4xx as a gateway error: its code when it is a request code, and its message. */
export function spotRefusal(refusal: Refusal | undefined, spot?: string): GatewayError {
  let code: "invalid_request" | "invalid_fen" = "invalid_request";
  let message = "The spot refused the request as invalid";
  try {
    const body = JSON.parse(refusal?.text ?? "");
    if (body?.error?.code === "invalid_fen") code = "invalid_fen";
    if (typeof body?.error?.message === "string") message += `: ${body.error.message}`;
  } catch { /* a non-JSON refusal: the generic message */ }
  return new GatewayError(code, `${message} (${refusal?.status ?? 400})`, {
    hint: "Check the request against the engine API; the gateway does not retry a 4xx",
    headers: spot ? { "X-Engine-Spot": spot } : {},
  });
}

/**
 * The error for a request no attempt could answer (docs/design.md §4): the spot's own 4xx;
 * 503 `engine_busy` when the fleet is full (back-pressure, with the spots' Retry-After); 504
 * when every attempt ran out of time; else 503 `no_spot_available` with a Retry-After of when
 * a spot may be back. Spot addresses never appear; ids and reasons do.
 */
export function exhausted(tried: TriedSpot[], why: Exhaustion): GatewayError {
  const last = tried.at(-1);
  if (last?.outcome === "http_4xx") return spotRefusal(why.refusal, last.spot);
  if (last?.outcome === "busy" || (why.unavailable.full && why.stopped === "no_spot")) {
    const retryAfter = why.unavailable.full ? why.unavailable.retryAfterS : last?.retryAfterS;
    return new GatewayError("engine_busy", "Every engine spot is busy", {
      hint: "Back-pressure, not an outage: retry after the Retry-After delay",
      retryAfter: Math.max(1, retryAfter ?? 1),
    });
  }
  const timedOut = (t: TriedSpot) => t.outcome === "timeout" || t.outcome === "slow";
  if ((tried.length > 0 && tried.every(timedOut)) || why.stopped === "deadline") {
    const slow = tried.some((t) => t.outcome === "slow");
    return new GatewayError(
      "upstream_timeout",
      slow
        ? `The search did not finish in time on ${names(tried)}, which still answer`
        : `No spot answered in time (tried ${names(tried)})`,
      { hint: "Ask for a lower depth, or raise SPOT_REQUEST_TIMEOUT / REQUEST_DEADLINE" },
    );
  }
  const reason = tried.length === 0
    ? "every spot is down, disabled or circuit-open"
    : `every attempt failed (${tried.map((t) => `${t.spot}: ${t.outcome}`).join(", ")})`;
  return new GatewayError("no_spot_available", `No engine spot is available: ${reason}`, {
    hint: "Retry after the Retry-After delay; check /healthz for the spots' status",
    retryAfter: why.unavailable.retryAfterS,
  });
}

function names(tried: TriedSpot[]): string {
  return [...new Set(tried.map((t) => t.spot))].join(", ") || "no spot";
}
