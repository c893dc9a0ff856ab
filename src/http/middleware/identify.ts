import type { Context } from "hono";
import { bearerToken } from "../../auth/bearer.ts";
import { authenticatedUser } from "../../auth/identity.ts";
import { GatewayError } from "../../errors/gateway-error.ts";

/** Longest accepted user id (header or JWT `sub`). */
export const MAX_USER_LENGTH = 256;

/**
 * The request's user. With app authentication on, only the verified credential's user
 * (app-auth.ts), whatever headers say. Off: a bearer JWT's `sub` when `verifyUser` is given
 * and it verifies, else the user header, else anonymous. The gateway passes no `verifyUser`:
 * the admin key does not name users.
 */
export async function identify(
  c: Context,
  userHeader: string,
  verifyUser?: (token: string) => Promise<string | undefined>,
): Promise<string | undefined> {
  const verified = authenticatedUser(c);
  if (verified !== undefined) return verified;
  const token = bearerToken(c.req.header("authorization"));
  const fromJwt = token && verifyUser ? await verifyUser(token).catch(() => undefined) : undefined;
  const user = (fromJwt ?? c.req.header(userHeader) ?? "").trim();
  if (user.length > MAX_USER_LENGTH) {
    throw new GatewayError(
      "invalid_request",
      `${userHeader} is over ${MAX_USER_LENGTH} characters`,
      {
        hint: "Send a short, stable user id (an account id, not a name or an email list)",
      },
    );
  }
  return user === "" ? undefined : user;
}
