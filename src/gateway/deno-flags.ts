/**
 * Flags the gateway's `deno run` needs, wherever it starts: `deno task start`, the Docker image,
 * the demo, the tests and the benchmark (a deploy test checks the first two).
 *
 * `--no-memory-reducer`: when the process goes idle, V8's memory reducer shrinks the heap; the
 * next burst of traffic then runs on a small heap, collected far more often, until it grows
 * back. Measured (bench/, load with 8-second pauses between rounds): 125, 158, 157, 118 µs of
 * CPU per proxied request without the flag, 124, 109, 99, 97 µs with it. The cost: memory taken
 * during a burst is kept while idle instead of being returned.
 *
 * `--max-semi-space-size=4` (MiB): every request and stream event leaves short-lived garbage,
 * and a young generation of V8's default size grows large under load. Capped at 4 MiB,
 * scavenges are more frequent but cheaper and cache-friendly. Measured (2000 streams of 21
 * events, 32 at a time, and 3-second JSON rounds): 1290 → 1010 µs of CPU per stream, RSS after
 * the streams 213 → 176 MB, JSON CPU per request unchanged (105–109 vs 102–105 µs), RSS after
 * the JSON rounds 223 → 181 MB. 2 MiB measured alike, 8 MiB in between.
 */
export const GATEWAY_DENO_FLAGS: readonly string[] = [
  "--v8-flags=--no-memory-reducer,--max-semi-space-size=4",
];
