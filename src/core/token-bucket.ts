/**
 * Token buckets per key (a client address): `ratePerMin` tokens a minute, bursts up to the
 * same number. Time is an argument; idle buckets are forgotten so the map stays bounded.
 */
export class TokenBuckets {
  #buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly ratePerMin: number, private readonly maxKeys = 10_000) {}

  /** Takes one token for `key` at `now`: 0 when allowed, else seconds until the next token. */
  take(key: string, now: number): number {
    const perMs = this.ratePerMin / 60_000;
    const b = this.#buckets.get(key) ?? { tokens: this.ratePerMin, at: now };
    b.tokens = Math.min(this.ratePerMin, b.tokens + (now - b.at) * perMs);
    b.at = now;
    this.#buckets.delete(key); // re-insert: the map's order is least recently used first
    this.#buckets.set(key, b);
    if (this.#buckets.size > this.maxKeys) this.#buckets.delete(this.#buckets.keys().next().value!);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - b.tokens) / perMs / 1000);
  }
}
