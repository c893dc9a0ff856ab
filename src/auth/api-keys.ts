import { timingSafeEqual } from "node:crypto";

/** Shortest API key accepted (characters): shorter ones are guessable. */
export const MIN_KEY_LENGTH = 16;

// Keys travel as `Bearer <key>` too, so they keep to the RFC 6750 b64token characters.
const KEY = /^[A-Za-z0-9\-._~+/]+=*$/;
const USER = /^[^\s:,]{1,256}$/;

interface StoredKey {
  user: string;
  hash: Uint8Array;
}

/** SHA-256 of a key as bytes. */
export async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, "0")).join("");

/**
 * The API keys of `APP_API_KEYS`: a comma-separated list of `user_id:key`, or of bare keys
 * (each then names its own user, `key-` and 12 hex digits of its hash). Only SHA-256 hashes
 * are kept in memory; a presented key is hashed and compared with every stored hash in
 * constant time (`timingSafeEqual` on equal-length digests), so neither the keys nor their
 * lengths leak through timing.
 */
export class ApiKeys {
  private constructor(readonly entries: readonly StoredKey[]) {}

  /** Parses the setting; throws naming the entry (never echoing a key) when one is unusable. */
  static async parse(spec: string): Promise<ApiKeys> {
    const items = spec.split(",").map((s) => s.trim()).filter((s) => s !== "");
    if (items.length === 0) throw new Error("APP_API_KEYS has no key: write user_id:key,…");
    const entries: StoredKey[] = [];
    for (const [i, item] of items.entries()) {
      const at = item.indexOf(":");
      const key = at < 0 ? item : item.slice(at + 1);
      const where = `APP_API_KEYS entry ${i + 1}`;
      if (at >= 0 && !USER.test(item.slice(0, at))) {
        throw new Error(`${where}: the user id must be 1-256 characters without spaces or ":"`);
      }
      if (key.length < MIN_KEY_LENGTH || !KEY.test(key)) {
        throw new Error(
          `${where}: the key must be at least ${MIN_KEY_LENGTH} characters of A-Z a-z 0-9 - . _ ~ + / (e.g. openssl rand -hex 32)`,
        );
      }
      const hash = await sha256(key);
      if (entries.some((e) => timingSafeEqual(e.hash, hash))) {
        throw new Error(`${where}: the same key is listed twice`);
      }
      entries.push({ user: at < 0 ? `key-${hex(hash).slice(0, 12)}` : item.slice(0, at), hash });
    }
    return new ApiKeys(entries);
  }

  /** The user of a presented key, or undefined; every stored hash is compared, always. */
  async userOf(key: string): Promise<string | undefined> {
    const hash = await sha256(key);
    let user: string | undefined;
    for (const e of this.entries) {
      if (timingSafeEqual(e.hash, hash) && user === undefined) user = e.user;
    }
    return user;
  }
}
