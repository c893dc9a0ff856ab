/**
 * Flags the gateway's `deno run` needs, wherever it starts: `deno task start`, the Docker image,
 * the demo, the tests and the benchmark (a deploy test checks the first two).
 *
 * `--no-memory-reducer`: when the process goes idle, V8's memory reducer shrinks the heap; the
 * next burst of traffic then runs on a small heap, collected far more often, until it grows
 * back. Measured (bench/, load with 8-second pauses between rounds): 125, 158, 157, 118 µs of
 * CPU per proxied request without the flag, 124, 109, 99, 97 µs with it. The cost: memory taken
 * during a burst is kept while idle instead of being returned.
 */
export const GATEWAY_DENO_FLAGS: readonly string[] = ["--v8-flags=--no-memory-reducer"];
