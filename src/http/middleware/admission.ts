import type { MiddlewareHandler } from "hono";
import { type AnswerContext, grantedOrThrow } from "../../limits/answers.ts";
import { LeaseHolder } from "../../limits/holder.ts";
import type { ConcurrencyLimiter, LimitClass } from "../../limits/limiter.ts";
import { onResponseEnd } from "../response-end.ts";
import { identify } from "./identify.ts";
import "../context.ts";

/** Options of `admission()`; the user header defaults to `X-User-ID`, the class to analysis. */
export interface AdmissionOptions {
  limiter: ConcurrencyLimiter;
  answers: AnswerContext;
  userHeader?: string;
  /** Verifies a bearer JWT and returns its `sub` (undefined when it does not verify). */
  verifyUser?: (token: string) => Promise<string | undefined>;
  class?: LimitClass;
  /** Renew period of a held lease (default TTL/3). */
  renewEveryMs?: number;
}

/**
 * Admission for `/analyze` and `/analyze/stream`: takes a slot before the handler runs (429 /
 * 503 when refused), renews it while held, and gives it back when the response ends, fails or
 * the client disconnects; for a streamed body, when the stream finishes or is cancelled.
 */
export function admission(o: AdmissionOptions): MiddlewareHandler {
  const cls = o.class ?? "analysis";
  const userHeader = o.userHeader ?? "X-User-ID";
  return async function admission(c, next) {
    const user = await identify(c, userHeader, o.verifyUser);
    const trace = c.get("trace");
    if (trace && user !== undefined) trace.user = user;
    // No limit applies (anonymous, or per-user off, with the global limit off): no slot to take.
    const limits = o.answers.limits[cls];
    if ((user === undefined || limits.user === 0) && limits.global === 0) return await next();
    const lease = grantedOrThrow(
      await o.limiter.acquire({ class: cls, user }),
      cls,
      user,
      o.answers,
    );
    const holder = new LeaseHolder(o.limiter, lease.id, { everyMs: o.renewEveryMs });
    holder.start();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      holder.stop();
      void o.limiter.release(lease.id);
    };
    try {
      await next();
    } catch (e) {
      release();
      throw e;
    }
    if (c.error) return release();
    onResponseEnd(c, release);
  };
}
