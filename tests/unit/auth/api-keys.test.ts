import assert from "node:assert/strict";
import { ApiKeys, MIN_KEY_LENGTH, sha256 } from "../../../src/auth/api-keys.ts";

const KEY_A = "alice-key-0123456789abcdef";
const KEY_B = "bob-key-0123456789abcdef00";

Deno.test("api keys: user_id:key pairs name their user; unknown, empty and near-miss keys name nobody", async () => {
  const keys = await ApiKeys.parse(` alice:${KEY_A} , bob:${KEY_B},`);
  assert.equal(await keys.userOf(KEY_A), "alice");
  assert.equal(await keys.userOf(KEY_B), "bob");
  assert.equal(await keys.userOf(KEY_A.slice(0, -1)), undefined, "a prefix is not the key");
  assert.equal(await keys.userOf(KEY_A + "x"), undefined);
  assert.equal(await keys.userOf(""), undefined);
  assert.equal(await keys.userOf(`alice:${KEY_A}`), undefined, "the setting's entry is not a key");
});

Deno.test("api keys: only SHA-256 hashes are kept, never the keys", async () => {
  const keys = await ApiKeys.parse(`alice:${KEY_A}`);
  assert.equal(keys.entries.length, 1);
  assert.deepEqual(keys.entries[0]!.hash, await sha256(KEY_A));
  assert.equal(keys.entries[0]!.hash.length, 32);
  const kept = JSON.stringify(keys.entries, (_, v) => (v instanceof Uint8Array ? [...v] : v));
  assert.doesNotMatch(kept, /alice-key/, "no key in memory as text");
  const expected = [...await sha256("abc")].map((b) => b.toString(16).padStart(2, "0")).join("");
  assert.equal(expected, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
});

Deno.test("api keys: a bare key is its own user, named by its hash", async () => {
  const keys = await ApiKeys.parse(KEY_A);
  const user = await keys.userOf(KEY_A);
  const hex = [...await sha256(KEY_A)].map((b) => b.toString(16).padStart(2, "0")).join("");
  assert.equal(user, `key-${hex.slice(0, 12)}`);
});

Deno.test("api keys: unusable settings are refused naming the entry, never echoing the key", async () => {
  const cases: [string, RegExp][] = [
    ["", /has no key/],
    [" , ", /has no key/],
    ["alice:short", new RegExp(`entry 1: the key must be at least ${MIN_KEY_LENGTH}`)],
    [`alice:${KEY_A},bob:${KEY_B} x`, /entry 2: the key must be/],
    [`:${KEY_A}`, /entry 1: the user id must be/],
    [`al ice:${KEY_A}`, /entry 1: the user id must be/],
    [`alice:${KEY_A},bob:${KEY_A}`, /entry 2: the same key is listed twice/],
  ];
  for (const [spec, message] of cases) {
    const err = await ApiKeys.parse(spec).then(() => undefined, (e: Error) => e);
    assert.ok(err, `refused: ${JSON.stringify(spec)}`);
    assert.match(err.message, message);
    assert.doesNotMatch(err.message, /alice-key|bob-key|short/, "the key is not echoed");
  }
});
