import type { RedisTransition } from "../limits/redis-guard.ts";
import type { RedisDownPolicy } from "../limits/resilient.ts";

/** One log line: its message and fields. */
export interface LogLine {
  msg: string;
  fields: Record<string, unknown>;
}

/**
 * The one `warn` line of a Redis transition: unreachable (what the policy does meanwhile) or
 * back (how many leases taken meanwhile were written back, after how long).
 */
export function redisTransitionLine(t: RedisTransition, policy: RedisDownPolicy): LogLine {
  if (!t.up) {
    const meanwhile = policy === "local"
      ? "limiter fallback active (in-memory limits on this replica)"
      : "limited requests are refused with 503 (LIMITER_ON_REDIS_DOWN=deny)";
    return { msg: `redis unreachable: ${meanwhile}`, fields: { reason: t.reason, policy } };
  }
  const n = t.writtenBack ?? 0;
  return {
    msg: `redis reachable again: limiter back on Redis, ${n} lease${
      n === 1 ? "" : "s"
    } written back`,
    fields: { leases_written_back: n, down_s: Math.round((t.downMs ?? 0) / 100) / 10, policy },
  };
}
