/**
 * Mints an HS256 admin token for a try: `ADMIN_JWT_SECRET=... deno run -A scripts/mint-admin-token.ts`
 * (role admin, expires in an hour; `--ttl 600` for another lifetime in seconds).
 */
import { SignJWT } from "jose";

const secret = Deno.env.get("ADMIN_JWT_SECRET");
if (!secret) {
  // deno-lint-ignore no-console -- a command-line tool reports on stderr
  console.error("Set ADMIN_JWT_SECRET to the gateway's secret");
  Deno.exit(2);
}
const i = Deno.args.indexOf("--ttl");
const ttl = i >= 0 ? Number(Deno.args[i + 1]) : 3600;
const token = await new SignJWT({ role: "admin" })
  .setProtectedHeader({ alg: "HS256" })
  .setSubject("admin")
  .setIssuedAt()
  .setExpirationTime(Math.floor(Date.now() / 1000) + ttl)
  .sign(new TextEncoder().encode(secret));
// deno-lint-ignore no-console -- the token is the output
console.log(token);
