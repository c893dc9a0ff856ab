/**
 * How the gateway fails to start: one line on stderr that says what is wrong and what to do
 * (`Cannot start: PORT must be an integer 1..65535, received "abc"`), exit status 1, never a
 * stack trace.
 */

/** The line a failed start prints: the error's message, prefixed `Cannot start: ` once. */
export function startupLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.startsWith("Cannot start:") ? message : `Cannot start: ${message}`;
}

/**
 * Why `Deno.serve` could not listen on `host:port`, and which setting to change (`names`:
 * the gateway's variables by default, the spot passes its flags).
 */
export function listenError(
  host: string,
  port: number,
  err: unknown,
  names: { host: string; port: string } = { host: "LISTEN_HOST", port: "PORT" },
): Error {
  const why = err instanceof Error ? err.message : String(err);
  const fix = err instanceof Deno.errors.AddrInUse
    ? `stop what uses it or set ${names.port} to a free port`
    : `set ${names.host} to an address of this machine, e.g. 0.0.0.0 or 127.0.0.1`;
  return new Error(`cannot listen on ${host}:${port} (${why}); ${fix}`);
}

/** Runs one startup step; when it throws, prints `startupLine` on stderr and exits with 1. */
export async function orExit<T>(step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    // deno-lint-ignore no-console -- a start that fails before logging exists tells a person why
    console.error(startupLine(err));
    Deno.exit(1);
  }
}
