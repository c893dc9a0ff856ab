/** Clock skew allowed between the host that minted a token and this one (seconds). */
export const CLOCK_SKEW_S = 60;

/**
 * Why a token lives too long, or undefined: its lifetime is `exp - iat`, or `exp - now`
 * without `iat`; an `iat` more than CLOCK_SKEW_S in the future counts from now + the skew,
 * so a far-future `iat` cannot stretch a token's life. `exp` is required by the caller.
 */
export function lifetimeProblem(
  claims: { exp?: number; iat?: number },
  maxTtlS: number,
  nowS: number,
): string | undefined {
  if (typeof claims.exp !== "number") return "the token has no exp";
  const from = Math.min(typeof claims.iat === "number" ? claims.iat : nowS, nowS + CLOCK_SKEW_S);
  const lifetime = Math.round(claims.exp - from);
  if (lifetime <= maxTtlS) return undefined;
  return `the token lives ${lifetime} s, more than the ${maxTtlS} s allowed`;
}
