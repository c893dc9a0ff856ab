/**
 * Mints an HS256 admin token for a try: `ADMIN_JWT_SECRET=... deno run -A scripts/mint-admin-token.ts`
 * (role admin, aud "spotgate-admin", expires in an hour; `--ttl 600` for a shorter lifetime in
 * seconds: the gateway refuses one over ADMIN_JWT_MAX_TTL, 3600 by default).
 */
import { ADMIN_AUDIENCE } from "../src/auth/jwt.ts";
import { flag, mintToken } from "../src/auth/mint.ts";

const secret = Deno.env.get("ADMIN_JWT_SECRET");
if (!secret) {
  // deno-lint-ignore no-console -- a command-line tool reports on stderr
  console.error("Set ADMIN_JWT_SECRET to the gateway's secret");
  Deno.exit(2);
}
const token = await mintToken({
  secret,
  audience: ADMIN_AUDIENCE,
  subject: "admin",
  claims: { role: "admin" },
  ttlS: Number(flag(Deno.args, "ttl") ?? 3600),
});
// deno-lint-ignore no-console -- the token is the output
console.log(token);
