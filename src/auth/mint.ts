import { SignJWT } from "jose";

/** What to mint: an HS256 token for `audience`, lifetime `ttlS` (default 3600) from `nowS`. */
export interface MintOptions {
  secret: string;
  audience: string;
  subject: string;
  claims?: Record<string, unknown>;
  issuer?: string;
  ttlS?: number;
  /** Issue time in epoch seconds (default now). */
  nowS?: number;
}

/**
 * Mints an HS256 JWT with `sub`, `aud`, `iat` and `exp` = iat + ttl (and `iss` when given):
 * what `scripts/mint-admin-token.ts` and `scripts/mint-app-token.ts` print.
 */
export function mintToken(o: MintOptions): Promise<string> {
  const iat = o.nowS ?? Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(o.claims ?? {})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(o.subject)
    .setAudience(o.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (o.ttlS ?? 3600));
  if (o.issuer) jwt.setIssuer(o.issuer);
  return jwt.sign(new TextEncoder().encode(o.secret));
}

/** The value after `--name` in `args`, or undefined. */
export function flag(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}
