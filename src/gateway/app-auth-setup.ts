import { ApiKeys } from "../auth/api-keys.ts";
import { AppAuthenticator } from "../auth/authenticator.ts";
import { APP_AUDIENCE, jwtKey, jwtVerifier } from "../auth/jwt.ts";
import type { GatewayEnv } from "../config/env.ts";

/** A setting that cannot work, refused at start with what to write instead. */
function refuse(message: string): never {
  throw new Error(`Cannot start: ${message}`);
}

/**
 * App authentication from the environment, or undefined when it is off (the default: neither
 * `APP_API_KEYS` nor `APP_JWT_SECRET` / `APP_JWT_PUBLIC_KEY` set). The app key must not be the
 * admin key: an app token must never be one step from an admin token.
 */
export async function appAuthFromEnv(env: GatewayEnv): Promise<AppAuthenticator | undefined> {
  const jwtOn = env.APP_JWT_SECRET !== undefined || env.APP_JWT_PUBLIC_KEY !== undefined;
  if (!jwtOn && env.APP_API_KEYS === undefined) {
    if (env.APP_JWT_ISSUER) {
      refuse("APP_JWT_ISSUER is set without APP_JWT_SECRET or APP_JWT_PUBLIC_KEY: set one");
    }
    return undefined;
  }
  if (env.APP_JWT_SECRET && env.APP_JWT_PUBLIC_KEY) {
    refuse("set APP_JWT_SECRET (HS256) or APP_JWT_PUBLIC_KEY (RS256/ES256), not both");
  }
  const sameKey = (env.APP_JWT_SECRET && env.APP_JWT_SECRET === env.ADMIN_JWT_SECRET) ||
    (env.APP_JWT_PUBLIC_KEY && env.APP_JWT_PUBLIC_KEY === env.ADMIN_JWT_PUBLIC_KEY);
  if (sameKey) refuse("the app JWT key must differ from the admin JWT key");
  let apiKeys: ApiKeys | undefined;
  if (env.APP_API_KEYS !== undefined) {
    apiKeys = await ApiKeys.parse(env.APP_API_KEYS).catch((e) => refuse(e.message));
  }
  const key = await jwtKey(
    { secret: env.APP_JWT_SECRET, publicKeyPem: env.APP_JWT_PUBLIC_KEY },
    "APP_JWT_PUBLIC_KEY",
  );
  const jwt = key && jwtVerifier(key, {
    audience: APP_AUDIENCE,
    issuer: env.APP_JWT_ISSUER,
    maxTtlS: env.APP_JWT_MAX_TTL,
    required: ["sub"],
  });
  return new AppAuthenticator({ apiKeys, jwt });
}
