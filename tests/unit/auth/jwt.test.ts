import assert from "node:assert/strict";
import { exportSPKI, generateKeyPair, SignJWT } from "jose";
import { bearerToken, looksLikeJwt } from "../../../src/auth/bearer.ts";
import {
  ADMIN_AUDIENCE,
  APP_AUDIENCE,
  jwtKey,
  jwtVerifier,
  TokenRefused,
} from "../../../src/auth/jwt.ts";
import { CLOCK_SKEW_S, lifetimeProblem } from "../../../src/auth/lifetime.ts";
import { mintToken } from "../../../src/auth/mint.ts";

const SECRET = "app-secret-that-is-long-enough-for-hs256";
const NOW_S = 1_800_000_000;
const sign = (claims: Record<string, unknown>, secret = SECRET) =>
  new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(secret));

async function refusal(p: Promise<unknown>): Promise<string> {
  const err = await p.then(() => undefined, (e) => e);
  assert.ok(err instanceof TokenRefused, `refused with a reason, got ${err}`);
  return err.message;
}

Deno.test("Bearer: the scheme is case-insensitive (RFC 7235); anything else is no token", () => {
  for (const scheme of ["Bearer", "bearer", "BEARER", "bEaReR"]) {
    assert.equal(bearerToken(`${scheme} abc.def-_~+/=`), "abc.def-_~+/=", scheme);
  }
  assert.equal(bearerToken("Bearer   spaced  "), "spaced");
  for (const bad of [undefined, "", "Bearer", "Bearer ", "Basic abc", "Bearerabc", "Bearer a b"]) {
    assert.equal(bearerToken(bad), undefined, String(bad));
  }
  assert.equal(looksLikeJwt("a.b.c"), true);
  assert.equal(looksLikeJwt("a.b."), true, "an unsigned token still has the shape");
  assert.equal(looksLikeJwt("not-a-jwt-key-0123"), false);
});

Deno.test("lifetime: exp - iat, or exp - now without iat; a far-future iat cannot stretch it", () => {
  assert.equal(lifetimeProblem({ exp: NOW_S + 3600, iat: NOW_S }, 3600, NOW_S), undefined);
  assert.match(
    lifetimeProblem({ exp: NOW_S + 3601, iat: NOW_S }, 3600, NOW_S)!,
    /lives 3601 s, more than the 3600 s allowed/,
  );
  assert.equal(lifetimeProblem({ exp: NOW_S + 3600 }, 3600, NOW_S), undefined);
  const year3000 = Date.UTC(3000, 0, 1) / 1000;
  assert.match(lifetimeProblem({ exp: year3000 }, 3600, NOW_S)!, /more than the 3600 s/);
  assert.match(lifetimeProblem({ exp: year3000, iat: NOW_S - 10 }, 3600, NOW_S)!, /more than/);
  // iat far ahead, exp one hour after it: judged from now + skew, so refused.
  assert.ok(lifetimeProblem({ exp: year3000 + 3600, iat: year3000 }, 3600, NOW_S));
  // A minting clock a little ahead is fine.
  const skewed = { iat: NOW_S + CLOCK_SKEW_S, exp: NOW_S + CLOCK_SKEW_S + 3600 };
  assert.equal(lifetimeProblem(skewed, 3600, NOW_S), undefined);
  assert.equal(lifetimeProblem({}, 3600, NOW_S), "the token has no exp");
});

Deno.test("jwt verifier: audience, issuer, required sub, expiry and lifetime, with reasons", async () => {
  const key = (await jwtKey({ secret: SECRET }, "X"))!;
  assert.equal(key.alg, "HS256");
  const now = () => NOW_S * 1000;
  const app = jwtVerifier(key, {
    audience: APP_AUDIENCE,
    issuer: "https://auth.example",
    maxTtlS: 3600,
    required: ["sub"],
    now,
  });
  const good = { sub: "u1", aud: APP_AUDIENCE, iss: "https://auth.example", iat: NOW_S };
  assert.equal((await app(await sign({ ...good, exp: NOW_S + 600 }))).sub, "u1");
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ ...good, exp: NOW_S + 600, aud: ADMIN_AUDIENCE }, /aud is not "spotgate"/],
    [{ ...good, exp: NOW_S + 600, aud: undefined }, /has no aud; it must be "spotgate"/],
    [{ ...good, exp: NOW_S + 600, iss: "https://evil.example" }, /iss is not "https:\/\/auth/],
    [{ ...good, exp: NOW_S + 600, sub: undefined }, /has no sub/],
    [{ ...good }, /has no exp/],
    [{ ...good, exp: NOW_S - 1 }, /has expired/],
    [{ ...good, exp: NOW_S + 7200 }, /lives 7200 s, more than the 3600 s allowed/],
    [{ ...good, exp: NOW_S + 600, nbf: NOW_S + 500 }, /nbf is not valid/],
  ];
  for (const [claims, reason] of cases) {
    assert.match(await refusal(app(await sign(claims))), reason, JSON.stringify(claims));
  }
  const other = await sign({ ...good, exp: NOW_S + 600 }, "another-secret-of-enough-length!!");
  assert.match(await refusal(app(other)), /not valid \(signature/);
  assert.match(await refusal(app("garbage")), /not valid/);
  const minted = await mintToken({
    secret: SECRET,
    audience: APP_AUDIENCE,
    subject: "u2",
    issuer: "https://auth.example",
    nowS: NOW_S,
  });
  assert.equal((await app(minted)).sub, "u2", "mintToken: aud, iss, one hour");
});

Deno.test("jwt keys: RS256/ES256 public keys by their kind; nothing configured is no key", async () => {
  assert.equal(await jwtKey({}, "X"), undefined);
  for (const alg of ["RS256", "ES256"] as const) {
    const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
    const key = (await jwtKey({ publicKeyPem: await exportSPKI(publicKey) }, "X"))!;
    assert.equal(key.alg, alg);
    const verify = jwtVerifier(key, { audience: ADMIN_AUDIENCE, maxTtlS: 3600 });
    const token = await new SignJWT({}).setProtectedHeader({ alg }).setAudience(ADMIN_AUDIENCE)
      .setIssuedAt().setExpirationTime("1h").sign(privateKey);
    assert.equal((await verify(token)).aud, ADMIN_AUDIENCE);
    assert.match(await refusal(verify(await sign({ aud: ADMIN_AUDIENCE, exp: 9e9 }))), /not valid/);
  }
  await assert.rejects(
    jwtKey({ publicKeyPem: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----" }, "APP_K"),
    /APP_K is neither/,
  );
});
