import assert from "node:assert/strict";
import { exportSPKI, generateKeyPair, SignJWT } from "jose";
import { createApp } from "../../../src/app.ts";
import { readEnv } from "../../../src/config/env.ts";
import { fileSchema } from "../../../src/config/schema.ts";
import { Gateway } from "../../../src/gateway/gateway.ts";
import { extrasFor } from "../../../src/gateway/extras.ts";
import { Logger } from "../../../src/obs/log.ts";
import { adminVerifier } from "../../../src/http/middleware/admin-auth.ts";
import { TokenBuckets } from "../../../src/core/token-bucket.ts";

const SECRET = "test-secret-that-is-long-enough-for-hs256";
const enc = new TextEncoder();
const b64 = (o: unknown) =>
  btoa(JSON.stringify(o)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");

async function appWith(env: Record<string, string>) {
  const config = fileSchema.parse({ spots: [{ id: "a", url: "http://127.0.0.1:1" }] });
  const gw = new Gateway(readEnv(env), config, new Logger("error", {}, () => {}));
  return { gw, app: createApp(gw, new Set(), await extrasFor(gw)) };
}

function hs(claims: Record<string, unknown>, alg = "HS256", exp: number | null = 3600) {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg }).setAudience("spotgate-admin");
  if (exp !== null) jwt.setExpirationTime(Math.floor(Date.now() / 1000) + exp);
  return jwt.sign(enc.encode(SECRET));
}

async function status(
  app: Awaited<ReturnType<typeof appWith>>["app"],
  token?: string,
  path = "/admin/engine/spots",
) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const res = await app.request(path, { method: path.endsWith("spots") ? "GET" : "POST", headers });
  return { status: res.status, body: await res.json() };
}

Deno.test("admin: no key configured → 503 admin_disabled, never open", async () => {
  const { app } = await appWith({});
  const r = await status(app, await hs({ role: "admin" }));
  assert.equal(r.status, 503);
  assert.equal(r.body.error.code, "admin_disabled");
});

Deno.test("admin: HS256 token cases — good, roles array, missing, expired, no exp, alg none, wrong alg, wrong role", async () => {
  const { app, gw } = await appWith({ ADMIN_JWT_SECRET: SECRET });
  const good = await status(app, await hs({ role: "admin" }));
  assert.equal(good.status, 200);
  assert.equal(good.body.spots[0].id, "a");
  assert.deepEqual(Object.keys(good.body.global).sort(), [
    "failover_count",
    "resume_count",
    "total_requests",
    "uptime_s",
  ]);
  assert.equal((await status(app, await hs({ roles: ["reader", "admin"] }))).status, 200);
  assert.equal((await status(app)).status, 401);
  assert.equal((await status(app, "not.a.jwt")).status, 401);
  const expired = await status(app, await hs({ role: "admin" }, "HS256", -60));
  assert.equal(expired.status, 401);
  assert.match(expired.body.error.message, /expired/);
  assert.equal(
    (await status(app, await hs({ role: "admin" }, "HS256", null))).status,
    401,
    "exp is required",
  );
  const none = `${b64({ alg: "none", typ: "JWT" })}.${b64({ role: "admin", exp: 9999999999 })}.`;
  assert.equal((await status(app, none)).status, 401);
  assert.equal(
    (await status(app, await hs({ role: "admin" }, "HS512"))).status,
    401,
    "wrong algorithm",
  );
  const forbidden = await status(app, await hs({ role: "viewer" }));
  assert.equal(forbidden.status, 403);
  assert.equal(forbidden.body.error.code, "forbidden");
  const token = await hs({ role: "admin" });
  const disabled = await status(app, token, "/admin/engine/spots/a/disable");
  assert.equal(disabled.body.enabled, false);
  assert.equal(gw.pool.get("a")!.enabled, false);
  assert.equal((await status(app, token, "/admin/engine/spots/a/enable")).body.enabled, true);
  const check = await status(app, token, "/admin/engine/spots/a/healthcheck");
  assert.equal(check.body.ok, false);
  assert.equal((await status(app, token, "/admin/engine/spots/zz/enable")).status, 404);
});

Deno.test("admin: RS256 and ES256 public keys; a token of the other kind is refused", async () => {
  for (const alg of ["RS256", "ES256"] as const) {
    const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
    const { app } = await appWith({ ADMIN_JWT_PUBLIC_KEY: await exportSPKI(publicKey) });
    const sign = (k: CryptoKey, a: string) =>
      new SignJWT({ role: "admin" }).setProtectedHeader({ alg: a }).setAudience("spotgate-admin")
        .setExpirationTime("1h").sign(k);
    assert.equal((await status(app, await sign(privateKey, alg))).status, 200, alg);
    assert.equal(
      (await status(app, await hs({ role: "admin" }))).status,
      401,
      `HS256 against ${alg}`,
    );
  }
  await assert.rejects(
    adminVerifier({ publicKeyPem: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----" }),
    /neither/,
  );
});

Deno.test("admin: requests are rate-limited per client", async () => {
  const { app } = await appWith({ ADMIN_JWT_SECRET: SECRET, ADMIN_RATE_LIMIT: "3" });
  const token = await hs({ role: "admin" });
  const codes = [];
  for (let i = 0; i < 4; i++) codes.push((await status(app, token)).status);
  assert.deepEqual(codes, [200, 200, 200, 429]);
  const b = new TokenBuckets(60);
  for (let i = 0; i < 60; i++) assert.equal(b.take("k", 0), 0);
  assert.equal(b.take("k", 0), 1);
  assert.equal(b.take("k", 1000), 0);
});
