import type { MiddlewareHandler } from "hono";
import type { JWTPayload } from "jose";
import { bearerToken } from "../../auth/bearer.ts";
import {
  ADMIN_AUDIENCE,
  jwtKey,
  type JwtVerifier,
  jwtVerifier,
  TokenRefused,
} from "../../auth/jwt.ts";
import { GatewayError } from "../../errors/gateway-error.ts";

/** Where admin tokens are checked against: an HS256 secret or a PEM (SPKI) public key. */
export interface AdminKeyConfig {
  secret?: string;
  publicKeyPem?: string;
  /** ADMIN_JWT_MAX_TTL: the longest accepted token lifetime in seconds (default 3600). */
  maxTtlS?: number;
}

/**
 * Builds the verifier: HS256 for a secret; RS256 or ES256 (as the key is) for a public key;
 * `aud` must be "spotgate-admin" and the lifetime at most `maxTtlS`.
 */
export async function adminVerifier(cfg: AdminKeyConfig): Promise<JwtVerifier | undefined> {
  const key = await jwtKey(cfg, "ADMIN_JWT_PUBLIC_KEY");
  return key && jwtVerifier(key, { audience: ADMIN_AUDIENCE, maxTtlS: cfg.maxTtlS ?? 3600 });
}

function hasAdminRole(p: JWTPayload): boolean {
  return p.role === "admin" || (Array.isArray(p.roles) && p.roles.includes("admin"));
}

/**
 * Admin routes need `Authorization: Bearer <JWT>` (any case of `Bearer`) with `exp`, `aud`
 * "spotgate-admin", a lifetime within ADMIN_JWT_MAX_TTL, and a role `admin` (`role` or
 * `roles`). No key configured: 503 `admin_disabled`, never open. A missing, malformed,
 * expired, unsigned (`alg: none`), wrongly signed, wrong-audience or too long-lived token:
 * 401. A valid token without the role: 403.
 */
export function adminAuth(verify: JwtVerifier | undefined): MiddlewareHandler {
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
    const token = bearerToken(c.req.header("authorization"));
    const hint = "Send Authorization: Bearer <JWT> signed with the admin key, with role admin, " +
      `aud "${ADMIN_AUDIENCE}" and exp within ADMIN_JWT_MAX_TTL of iat (scripts/mint-admin-token.ts)`;
    if (!token) throw new GatewayError("unauthorized", "A bearer token is required", { hint });
    let payload: JWTPayload;
    try {
      payload = await verify(token);
    } catch (err) {
      const why = err instanceof TokenRefused ? err.message : "the token is not valid";
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
