import type { MiddlewareHandler } from "hono";
import { errors, importSPKI, type JWTPayload, jwtVerify } from "jose";
import { GatewayError } from "../../errors/gateway-error.ts";

/** Where admin tokens are checked against: an HS256 secret or a PEM (SPKI) public key. */
export interface AdminKeyConfig {
  secret?: string;
  publicKeyPem?: string;
}

type Verifier = (token: string) => Promise<JWTPayload>;

/** Builds the verifier: HS256 for a secret; RS256 or ES256 (as the key is) for a public key. */
export async function adminVerifier(cfg: AdminKeyConfig): Promise<Verifier | undefined> {
  if (cfg.secret) {
    const key = new TextEncoder().encode(cfg.secret);
    return async (t) =>
      (await jwtVerify(t, key, { algorithms: ["HS256"], requiredClaims: ["exp"] })).payload;
  }
  if (!cfg.publicKeyPem) return undefined;
  for (const alg of ["RS256", "ES256"]) {
    const key = await importSPKI(cfg.publicKeyPem, alg).catch(() => undefined);
    if (key) {
      return async (t) =>
        (await jwtVerify(t, key, { algorithms: [alg], requiredClaims: ["exp"] })).payload;
    }
  }
  throw new Error("Cannot start: ADMIN_JWT_PUBLIC_KEY is neither an RSA nor a P-256 SPKI PEM key");
}

function hasAdminRole(p: JWTPayload): boolean {
  return p.role === "admin" || (Array.isArray(p.roles) && p.roles.includes("admin"));
}

/**
 * Admin routes need `Authorization: Bearer <JWT>` with `exp` and a role `admin` (`role` or
 * `roles`). No key configured: 503 `admin_disabled`, never open. A missing, malformed,
 * expired, unsigned (`alg: none`) or wrongly signed token: 401. A valid token without the
 * role: 403.
 */
export function adminAuth(verify: Verifier | undefined): MiddlewareHandler {
  return async function adminAuthMiddleware(c, next) {
    if (!verify) {
      throw new GatewayError(
        "admin_disabled",
        "The admin API is disabled: no JWT key is configured",
        {
          hint: "Set ADMIN_JWT_SECRET (HS256) or ADMIN_JWT_PUBLIC_KEY (RS256/ES256) to enable it",
        },
      );
    }
    const m = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(c.req.header("authorization") ?? "");
    const hint =
      "Send Authorization: Bearer <JWT> signed with the configured key, with exp and role admin";
    if (!m) throw new GatewayError("unauthorized", "A bearer token is required", { hint });
    let payload: JWTPayload;
    try {
      payload = await verify(m[1]!);
    } catch (err) {
      const why = err instanceof errors.JWTExpired
        ? "the token has expired"
        : "the token is not valid";
      throw new GatewayError("unauthorized", `Unauthorized: ${why}`, { hint });
    }
    if (!hasAdminRole(payload)) {
      throw new GatewayError("forbidden", "The token does not carry the admin role", {
        hint: 'Mint a token with "role": "admin" (or "roles": ["admin"])',
      });
    }
    await next();
  };
}
