import assert from "node:assert/strict";
import { exportSPKI, generateKeyPair } from "jose";
import { createApp } from "../../../src/app.ts";
import { ADMIN_AUDIENCE, APP_AUDIENCE } from "../../../src/auth/jwt.ts";
import { mintToken } from "../../../src/auth/mint.ts";
import { readEnv } from "../../../src/config/env.ts";
import { fileSchema } from "../../../src/config/schema.ts";
import { appAuthFromEnv } from "../../../src/gateway/app-auth-setup.ts";
import { extrasFor } from "../../../src/gateway/extras.ts";
import { Gateway } from "../../../src/gateway/gateway.ts";
import { Logger } from "../../../src/obs/log.ts";

const APP_SECRET = "app-secret-that-is-long-enough-for-hs256";
const ADMIN_SECRET = "admin-secret-that-is-long-enough-for-hs256";
const KEY = "alice-key-0123456789abcdef";

async function appWith(env: Record<string, string>) {
  const config = fileSchema.parse({ spots: [{ id: "a", url: "http://127.0.0.1:1" }] });
  const gw = new Gateway(readEnv(env), config, new Logger("error", {}, () => {}));
  return createApp(gw, new Set(), await extrasFor(gw));
}

const lease = (headers: Record<string, string>, body: unknown = { class: "batch" }) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

Deno.test("app auth on: engine and /v1 routes need a credential (401 in the error shape); probes and metrics stay open", async () => {
  const app = await appWith({ APP_API_KEYS: `alice:${KEY}` });
  for (
    const [path, init] of [
      ["/analyze", { method: "POST", body: "{}" }],
      ["/analyze/stream?fen=x", {}],
      ["/v1/leases", lease({})],
      ["/v1/leases/x/renew", { method: "POST" }],
      ["/v1/anything-later", {}],
    ] as const
  ) {
    const res = await app.request(path, init);
    assert.equal(res.status, 401, path);
    assert.equal(res.headers.get("www-authenticate"), 'Bearer realm="spotgate"');
    const body = await res.json();
    assert.equal(body.error.code, "unauthorized");
    assert.equal(body.error.message, "An API key or a bearer token is required");
    assert.match(body.error.hint, /X-API-Key: <key>, or Authorization: Bearer <API key>/);
    assert.ok("correlation_id" in body);
  }
  for (const path of ["/health", "/readyz", "/healthz", "/metrics"]) {
    assert.notEqual((await app.request(path)).status, 401, path);
  }
  const wrong = await app.request("/v1/leases", lease({ "X-API-Key": KEY.replace("a", "b") }));
  assert.equal((await wrong.json()).error.message, "The API key is not valid");
  const basic = await app.request("/v1/leases", lease({ authorization: `Basic ${KEY}` }));
  assert.match((await basic.json()).error.message, /must be Bearer <token>/);
  const jwtish = await app.request("/v1/leases", lease({ authorization: "Bearer a.b.c" }));
  assert.match((await jwtish.json()).error.message, /not a valid API key/, "no JWT key set");
});

Deno.test("app auth on: the lease is the credential's user; X-User-ID and another user_id do not name it", async () => {
  const app = await appWith({ APP_API_KEYS: `alice:${KEY}`, APP_JWT_SECRET: APP_SECRET });
  const byKey = await app.request("/v1/leases", lease({ "X-API-Key": KEY, "X-User-ID": "bob" }));
  assert.equal(byKey.status, 201);
  assert.equal((await byKey.json()).user_id, "alice");
  const token = await mintToken({ secret: APP_SECRET, audience: APP_AUDIENCE, subject: "carol" });
  const byJwt = await app.request("/v1/leases", lease({ authorization: `bearer ${token}` }));
  assert.equal(byJwt.status, 201, "lower-case bearer");
  assert.equal((await byJwt.json()).user_id, "carol");
  const asBob = await app.request(
    "/v1/leases",
    lease({ authorization: `Bearer ${token}` }, { user_id: "bob" }),
  );
  assert.equal(asBob.status, 403);
  assert.match((await asBob.json()).error.message, /"bob" is not the authenticated user/);
  const bearerKey = await app.request("/v1/leases", lease({ authorization: `Bearer ${KEY}` }));
  assert.equal(bearerKey.status, 429, "alice's one batch slot is taken: counted as alice");
  const admin = await mintToken({ secret: APP_SECRET, audience: ADMIN_AUDIENCE, subject: "x" });
  const wrongAud = await app.request("/v1/leases", lease({ authorization: `Bearer ${admin}` }));
  assert.match((await wrongAud.json()).error.message, /aud is not "spotgate"/);
  const empty = await mintToken({ secret: APP_SECRET, audience: APP_AUDIENCE, subject: " " });
  const noSub = await app.request("/v1/leases", lease({ authorization: `Bearer ${empty}` }));
  assert.match((await noSub.json()).error.message, /sub must be a user id/);
  const keysOnly = await appWith({ APP_JWT_SECRET: APP_SECRET });
  const noKeys = await keysOnly.request("/v1/leases", lease({ "X-API-Key": KEY }));
  assert.match((await noKeys.json()).error.message, /APP_API_KEYS is not set/);
});

Deno.test("app auth off (default): behaviour as before, the user header names the user", async () => {
  const app = await appWith({});
  const res = await app.request("/v1/leases", lease({}, { user_id: "u1" }));
  assert.equal(res.status, 201);
  assert.equal((await res.json()).user_id, "u1");
  const missing = await app.request("/v1/leases", lease({}));
  assert.match((await missing.json()).error.message, /user_id is required/);
  assert.equal(await appAuthFromEnv(readEnv({})), undefined);
});

Deno.test("app auth settings that cannot work are refused at start", async () => {
  const { publicKey } = await generateKeyPair("ES256", { extractable: true });
  const pem = await exportSPKI(publicKey);
  const cases: [Record<string, string>, RegExp][] = [
    [{ APP_JWT_ISSUER: "x" }, /APP_JWT_ISSUER is set without/],
    [{ APP_JWT_SECRET: APP_SECRET, APP_JWT_PUBLIC_KEY: pem }, /not both/],
    [
      { APP_JWT_SECRET: ADMIN_SECRET, ADMIN_JWT_SECRET: ADMIN_SECRET },
      /must differ from the admin/,
    ],
    [{ APP_JWT_PUBLIC_KEY: pem, ADMIN_JWT_PUBLIC_KEY: pem }, /must differ from the admin/],
    [{ APP_API_KEYS: "alice:short" }, /Cannot start: APP_API_KEYS entry 1: the key/],
    [{ APP_JWT_PUBLIC_KEY: "nope" }, /APP_JWT_PUBLIC_KEY is neither/],
  ];
  for (const [env, message] of cases) {
    await assert.rejects(appAuthFromEnv(readEnv(env)), message, JSON.stringify(env));
  }
  const es = await appAuthFromEnv(readEnv({ APP_JWT_PUBLIC_KEY: pem }));
  assert.match(es!.accepted, /^Send Authorization: Bearer <JWT with aud "spotgate" and sub>$/);
});
