import assert from "node:assert/strict";
import { SignJWT } from "jose";
import { APP_AUDIENCE } from "../../src/auth/jwt.ts";
import { mintToken } from "../../src/auth/mint.ts";
import { setFault, START, startFaultSpot, startGateway, streamUrl } from "../helpers/cluster.ts";

const APP_SECRET = "app-secret-that-is-long-enough-for-hs256";
const ADMIN_SECRET = "admin-secret-that-is-long-enough-for-hs256";
const ALICE = "alice-key-0123456789abcdef";
const BOB = "bob-key-0123456789abcdef00";
const enc = new TextEncoder();

const analyze = (url: string, headers: Record<string, string>) =>
  fetch(`${url}/analyze`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ fen: START, depth: 2, multipv: 1 }),
  });

/** The admin token scripts/mint-admin-token.ts prints, as a user of the README would get it. */
async function scriptAdminToken(): Promise<string> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "scripts/mint-admin-token.ts"],
    env: { ADMIN_JWT_SECRET: ADMIN_SECRET },
  }).output();
  assert.ok(out.success, new TextDecoder().decode(out.stderr));
  return new TextDecoder().decode(out.stdout).trim();
}

Deno.test("app auth through the gateway: 401 without a credential; a spoofed X-User-ID is counted under the key's own user", async () => {
  const spot = await startFaultSpot();
  await setFault(spot, "ok", 0, 400); // long streams: 20 events × 400 ms hold their slot
  const gw = await startGateway({ spot }, {
    APP_API_KEYS: `alice:${ALICE},bob:${BOB}`,
    ANALYSIS_USER_LIMIT: "1",
  });
  const open: ReadableStreamDefaultReader<Uint8Array>[] = [];
  const stream = async (headers: Record<string, string>) => {
    const res = await fetch(streamUrl(gw.url, START, 20), { headers });
    if (res.status === 200) (open.push(res.body!.getReader()), await open.at(-1)!.read());
    else await res.body?.cancel();
    return res.status;
  };
  try {
    const none = await analyze(gw.url, { "X-User-ID": "alice" });
    assert.equal(none.status, 401);
    const body = await none.json();
    assert.equal(body.error.code, "unauthorized");
    assert.ok(body.error.hint);
    assert.equal((await fetch(`${gw.url}/readyz`)).status !== 401, true, "probes stay open");
    assert.equal(await stream({ "X-API-Key": ALICE }), 200, "alice holds her one slot");
    // Bob claims to be alice: counted as bob, who has a free slot.
    assert.equal(await stream({ authorization: `Bearer ${BOB}`, "X-User-ID": "alice" }), 200);
    // Alice claims to be someone else: still alice, at her limit.
    assert.equal(await stream({ "X-API-Key": ALICE, "X-User-ID": "carol" }), 429);
    const lines = gw.proc.output().split("\n").filter((l) => l.includes('"msg":"request"'));
    assert.ok(!lines.some((l) => l.includes('"user":"carol"')), "the header never names a user");
  } finally {
    for (const r of open) await r.cancel().catch(() => {});
    await gw.stop();
    await spot.stop();
  }
});

Deno.test("admin tokens through the gateway: own key and audience, bounded lifetime, any case of Bearer", async (t) => {
  const spot = await startFaultSpot();
  const gw = await startGateway({ spot }, {
    ADMIN_JWT_SECRET: ADMIN_SECRET,
    APP_JWT_SECRET: APP_SECRET,
  });
  const admin = (token: string, scheme = "Bearer") =>
    fetch(`${gw.url}/admin/engine/spots`, { headers: { authorization: `${scheme} ${token}` } });
  const sign = (claims: Record<string, unknown>, secret: string) =>
    new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).sign(enc.encode(secret));
  const inAnHour = Math.floor(Date.now() / 1000) + 3600;
  try {
    await t.step("a user token cannot reach admin, even with role admin", async () => {
      const user = await mintToken({
        secret: APP_SECRET,
        audience: APP_AUDIENCE,
        subject: "u1",
        claims: { role: "admin" },
      });
      assert.equal((await admin(user)).status, 401, "signed with the app key");
      // A user token as the admin key used to name users: signed with it, no admin audience.
      const userStyle = await sign({ sub: "u1", role: "admin", exp: inAnHour }, ADMIN_SECRET);
      const r = await admin(userStyle);
      assert.equal(r.status, 401);
      assert.match((await r.json()).error.message, /no aud; it must be "spotgate-admin"/);
      assert.equal((await analyze(gw.url, { authorization: `Bearer ${user}` })).status, 200);
    });
    await t.step("an admin token with exp in the year 3000 is refused", async () => {
      const exp = Date.UTC(3000, 0, 1) / 1000;
      const forever = await sign({ role: "admin", aud: "spotgate-admin", exp }, ADMIN_SECRET);
      const r = await admin(forever);
      assert.equal(r.status, 401);
      assert.match((await r.json()).error.message, /more than the 3600 s allowed/);
    });
    await t.step("lower-case bearer works, with the token mint-admin-token.ts prints", async () => {
      const token = await scriptAdminToken();
      assert.equal((await admin(token, "bearer")).status, 200);
      assert.equal((await admin(token, "BEARER")).status, 200);
    });
  } finally {
    await gw.stop();
    await spot.stop();
  }
});
