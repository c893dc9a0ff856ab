/** Test helpers that start real processes on loopback and stop them by PID. */

/**
 * A free TCP port on 127.0.0.1 (bound then released), below the kernel's ephemeral range
 * (32768+): a port from that range can be taken, between this call and the server's own
 * bind, as the local end of any outgoing connection the tests make, and the server then fails
 * with "address in use". Random from 20000–32767 so parallel runs rarely collide.
 */
export function freePort(): number {
  for (let i = 0; i < 200; i++) {
    const port = 20000 + Math.floor(Math.random() * 12768);
    try {
      Deno.listen({ hostname: "127.0.0.1", port }).close();
      return port;
    } catch { /* taken: try another */ }
  }
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

// Child Deno processes write coverage next to the tests' own when the test run collects it.
function coverageEnv(): Record<string, string> {
  const dir = Deno.env.get("DENO_COVERAGE_DIR");
  return dir ? { DENO_COVERAGE_DIR: dir } : {};
}

/** A started child process with its collected output. */
export interface Proc {
  child: Deno.ChildProcess;
  pid: number;
  output: () => string;
  stop: (signal?: Deno.Signal) => Promise<Deno.CommandStatus>;
}

/** Starts `cmd args`, keeps stdout+stderr in memory (for failure messages), stops by PID. */
export function startProc(cmd: string, args: string[], env: Record<string, string> = {}): Proc {
  const child = new Deno.Command(cmd, {
    args,
    env: { ...coverageEnv(), ...env },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let out = "";
  // A TextDecoder, not a TextDecoderStream: the console's tests bring the DOM's types into the
  // same program, where a TextDecoderStream does not take a process's Uint8Array stream.
  const collect = async (s: ReadableStream<Uint8Array>) => {
    const decoder = new TextDecoder();
    for await (const chunk of s) out += decoder.decode(chunk, { stream: true });
    out += decoder.decode();
  };
  const done = Promise.all([collect(child.stdout), collect(child.stderr)]);
  let status: Promise<Deno.CommandStatus> | undefined;
  return {
    child,
    pid: child.pid,
    output: () => out,
    stop: async (signal: Deno.Signal = "SIGTERM") => {
      try {
        child.kill(signal);
      } catch { /* already exited */ }
      status ??= child.status;
      const s = await status;
      await done;
      return s;
    },
  };
}

/** Starts a Deno script as a child process (with the same coverage dir as the tests). */
export function startDeno(
  script: string,
  args: string[],
  env: Record<string, string> = {},
  denoFlags: readonly string[] = [],
): Proc {
  return startProc(Deno.execPath(), ["run", ...denoFlags, "-A", script, ...args], env);
}

/** Polls `url` until it answers 200 or `timeoutMs` passes; throws with the process output. */
export async function waitForOk(url: string, proc?: Proc, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.body?.cancel();
      if (res.status === 200) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms\n${proc?.output() ?? ""}`);
}

/**
 * Waits until the process has printed a line containing `text` (the gateway writes its log
 * in batches, up to 100 ms late), or `timeoutMs` passes; returns the line.
 */
export async function waitForLine(
  proc: Proc,
  text: string,
  timeoutMs = 3000,
): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (true) {
    const line = proc.output().split("\n").find((l) => l.includes(text));
    if (line || Date.now() > deadline) return line;
    await new Promise((r) => setTimeout(r, 25));
  }
}
