import { GatewayError } from "../errors/gateway-error.ts";
import type { HoldTimes } from "./hold-times.ts";
import type { AcquireResult, Denial, Lease, LimitClass, Limits } from "./limiter.ts";

/** What turning a decision into an answer needs: limits, hold times, randomness for jitter. */
export interface AnswerContext {
  limits: Limits;
  holdTimes: HoldTimes;
  random?: () => number;
}

/** Seconds to wait while Redis is unreachable and the policy is `deny`. */
export const UNAVAILABLE_RETRY_AFTER = 5;

const NOUN = { analysis: ["analysis", "analyses"], batch: ["batch job", "batch jobs"] } as const;
const noun = (cls: LimitClass, n: number) => NOUN[cls][n === 1 ? 0 : 1];

/**
 * The IETF RateLimit headers (draft-ietf-httpapi-ratelimit-headers-08) for the per-user
 * policy of `cls`: `q` concurrent requests, `r` left now, `t` seconds until a retry may work.
 * The global capacity is never disclosed.
 */
export function rateLimitHeaders(
  cls: LimitClass,
  limit: number,
  held: number,
  resetS: number,
): Record<string, string> {
  const policy = `"${cls}-per-user"`;
  return {
    "RateLimit-Policy": `${policy};q=${limit};qu="concurrent-requests"`,
    "RateLimit": `${policy};r=${Math.max(0, limit - held)};t=${resetS}`,
  };
}

/** The 429 / 503 error of a denial, with `Retry-After` and the per-user RateLimit headers. */
export function denialError(
  d: Denial,
  cls: LimitClass,
  user: string | undefined,
  ctx: AnswerContext,
): GatewayError {
  const retryAfter = ctx.holdTimes.retryAfter(cls, ctx.random ?? Math.random);
  const limit = ctx.limits[cls].user;
  const headers = user !== undefined && limit > 0
    ? rateLimitHeaders(cls, limit, d.userHeld, retryAfter)
    : {};
  if (d.scope === "global") {
    return new GatewayError(
      "capacity_exhausted",
      `The gateway is at capacity for ${noun(cls, 2)}: retry in ${retryAfter} s`,
      { retryAfter, headers, hint: "Every slot is busy for all users; retry after Retry-After" },
    );
  }
  const ids = d.userLeases.join(", ");
  const held = `${d.userHeld} ${noun(cls, d.userHeld)} running`;
  const message = cls === "batch"
    ? `You already have ${held} (lease${d.userLeases.length === 1 ? "" : "s"} ${ids}): ` +
      "wait for it to finish or release it"
    : `You already have ${held}, the most allowed per user: wait for one to finish`;
  const release = cls === "batch"
    ? `DELETE /v1/leases/${d.userLeases[0] ?? "<id>"} frees one; `
    : "";
  return new GatewayError("user_concurrency_limit", message, {
    retryAfter,
    headers,
    hint: `${release}the limit is ${limit} concurrent ${
      noun(cls, limit)
    } per user; retry after ${retryAfter} s`,
  });
}

/** The 503 of `LIMITER_ON_REDIS_DOWN=deny` while Redis is unreachable. */
export function unavailableError(): GatewayError {
  return new GatewayError(
    "limiter_unavailable",
    "Cannot admit the request: the concurrency limiter cannot reach Redis",
    { retryAfter: UNAVAILABLE_RETRY_AFTER, hint: "Retry shortly; the operator is told by /readyz" },
  );
}

/** The lease of a grant; throws the GatewayError of a denial or of a limiter failure. */
export function grantedOrThrow(
  r: AcquireResult,
  cls: LimitClass,
  user: string | undefined,
  ctx: AnswerContext,
): Lease {
  if (r.kind === "granted") return r.lease;
  throw r.kind === "denied" ? denialError(r, cls, user, ctx) : unavailableError();
}
