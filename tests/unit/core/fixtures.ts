import { SpotRecord, type SpotSettings } from "../../../src/core/spot.ts";

/** A seeded PRNG (mulberry32), so statistical tests are repeatable. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A spot record with settings overrides, already out of slow start at `now`. */
export function testSpot(id: string, over: Partial<SpotSettings> = {}, now = 0): SpotRecord {
  const spot = new SpotRecord(
    { id, url: `http://127.0.0.1:1/${id}`, region: "test", priority: 100, enabled: true, ...over },
    now - 60_000,
  );
  spot.status = "healthy";
  return spot;
}
