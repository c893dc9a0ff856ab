/** The demo's child processes: starting them, and waiting until one answers. */

/** Starts `root/script` under `deno run -A` (plus `flags`), output inherited. */
export function startDeno(
  root: string,
  script: string,
  args: string[],
  env: Record<string, string>,
  flags: readonly string[] = [],
): Deno.ChildProcess {
  return new Deno.Command(Deno.execPath(), {
    args: ["run", ...flags, "-A", `${root}${script}`, ...args],
    env,
    stdin: "null",
  }).spawn();
}

/** Polls `url` until it answers 200; false if `child` exits first or `timeoutMs` passes. */
export async function answers(
  url: string,
  child: Deno.ChildProcess,
  timeoutMs: number,
): Promise<boolean> {
  let exited = false;
  child.status.then(() => {
    exited = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !exited) {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) }).catch(() => undefined);
    await res?.body?.cancel();
    if (res?.status === 200) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}
