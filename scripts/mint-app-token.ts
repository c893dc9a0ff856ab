/**
 * Mints an HS256 app token for a user, for a try or a test client:
 * `APP_JWT_SECRET=... deno run -A scripts/mint-app-token.ts --sub u42 [--ttl 600]`
 * (aud "spotgate", `iss` from APP_JWT_ISSUER when set, expires in an hour by default: the
 * gateway refuses one over APP_JWT_MAX_TTL, 3600 by default). Real apps mint their own.
 */
import { APP_AUDIENCE } from "../src/auth/jwt.ts";
import { flag, mintToken } from "../src/auth/mint.ts";

const secret = Deno.env.get("APP_JWT_SECRET");
const subject = flag(Deno.args, "sub");
if (!secret || !subject) {
  // deno-lint-ignore no-console -- a command-line tool reports on stderr
  console.error("Set APP_JWT_SECRET to the gateway's app secret and pass --sub <user id>");
  Deno.exit(2);
}
const token = await mintToken({
  secret,
  audience: APP_AUDIENCE,
  subject,
  issuer: Deno.env.get("APP_JWT_ISSUER") || undefined,
  ttlS: Number(flag(Deno.args, "ttl") ?? 3600),
});
// deno-lint-ignore no-console -- the token is the output
console.log(token);
