import { errors, importSPKI, type JWTPayload, jwtVerify } from "jose";
import { lifetimeProblem } from "./lifetime.ts";

/** The audience an app token must carry (`aud`). */
export const APP_AUDIENCE = "spotgate";

/** The audience an admin token must carry (`aud`). */
export const ADMIN_AUDIENCE = "spotgate-admin";

/** A verification key and its one accepted algorithm. */
export interface JwtKey {
  key: CryptoKey | Uint8Array;
  alg: "HS256" | "RS256" | "ES256";
}

/** Where a key comes from: an HS256 secret, or a PEM (SPKI) public key; the secret wins. */
export interface JwtKeyConfig {
  secret?: string;
  publicKeyPem?: string;
}

/** What a token must satisfy besides its signature; `now` in ms (default Date.now). */
export interface JwtRules {
  audience: string;
  issuer?: string;
  /** Longest accepted lifetime in seconds (lifetime.ts). */
  maxTtlS: number;
  /** Claims required besides `exp` (e.g. `sub` for app tokens). */
  required?: string[];
  now?: () => number;
}

/** A token refused, with the reason a person can act on. */
export class TokenRefused extends Error {
  override name = "TokenRefused";
}

/** Verifies a compact JWT; resolves its payload or rejects with TokenRefused. */
export type JwtVerifier = (token: string) => Promise<JWTPayload>;

/** The key of `cfg`, or undefined when none is set; `pemName` names the variable in errors. */
export async function jwtKey(cfg: JwtKeyConfig, pemName: string): Promise<JwtKey | undefined> {
  if (cfg.secret) return { key: new TextEncoder().encode(cfg.secret), alg: "HS256" };
  if (!cfg.publicKeyPem) return undefined;
  for (const alg of ["RS256", "ES256"] as const) {
    const key = await importSPKI(cfg.publicKeyPem, alg).catch(() => undefined);
    if (key) return { key, alg };
  }
  throw new Error(`Cannot start: ${pemName} is neither an RSA nor a P-256 SPKI PEM key`);
}

function whyRefused(err: unknown, rules: JwtRules): string {
  if (err instanceof errors.JWTExpired) return "the token has expired";
  if (!(err instanceof errors.JWTClaimValidationFailed)) {
    return "the token is not valid (signature, algorithm or format)";
  }
  const expected = err.claim === "aud" ? rules.audience : rules.issuer;
  if (err.claim === "aud" || err.claim === "iss") {
    return err.reason === "missing"
      ? `the token has no ${err.claim}; it must be "${expected}"`
      : `the token's ${err.claim} is not "${expected}"`;
  }
  return err.reason === "missing"
    ? `the token has no ${err.claim}`
    : `the token's ${err.claim} is not valid`;
}

/**
 * A verifier for one key and one audience: the key's algorithm only (never `none`), `exp`
 * required and not past, `aud` (and `iss` when set) exact, and a lifetime within `maxTtlS`.
 */
export function jwtVerifier(k: JwtKey, rules: JwtRules): JwtVerifier {
  return async (token) => {
    const now = (rules.now ?? Date.now)();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, k.key, {
        algorithms: [k.alg],
        audience: rules.audience,
        issuer: rules.issuer,
        requiredClaims: ["exp", ...(rules.required ?? [])],
        currentDate: new Date(now),
      }));
    } catch (err) {
      throw new TokenRefused(whyRefused(err, rules));
    }
    const tooLong = lifetimeProblem(payload, rules.maxTtlS, Math.floor(now / 1000));
    if (tooLong) throw new TokenRefused(tooLong);
    return payload;
  };
}
