import { isSafeCommand } from "./uci.ts";

/** An engine that failed: crashed, or did not answer within its deadline. */
export class EngineFailure extends Error {}

/** One long-lived UCI engine process (Stockfish), spoken to line by line. */
export class EngineProcess {
  name = "unknown engine";
  readonly #child: Deno.ChildProcess;
  readonly #writer: WritableStreamDefaultWriter<Uint8Array>;
  readonly #listeners = new Set<(line: string) => void>();
  /** Pending `until` waits, failed together when the process exits (one hook, not one each). */
  readonly #waits = new Set<(err: Error) => void>();
  #alive = true;
  /** Resolves when the process has exited, for any reason. */
  readonly exited: Promise<void>;

  constructor(cmd: string[]) {
    this.#child = new Deno.Command(cmd[0]!, {
      args: cmd.slice(1),
      stdin: "piped",
      stdout: "piped",
      stderr: "null",
    }).spawn();
    this.#writer = this.#child.stdin.getWriter();
    this.exited = this.#read().finally(() => this.#alive = false).then(() => {});
    this.exited.then(() => {
      for (const fail of [...this.#waits]) fail(new EngineFailure("engine process exited"));
    });
  }

  /** `until` waits still pending (each is removed when it settles). */
  get pendingWaits(): number {
    return this.#waits.size;
  }

  /** The OS process id. */
  get pid(): number {
    return this.#child.pid;
  }

  /** Whether the process is still running. */
  get alive(): boolean {
    return this.#alive;
  }

  async #read(): Promise<void> {
    let buf = "";
    try {
      for await (const chunk of this.#child.stdout.pipeThrough(new TextDecoderStream())) {
        buf += chunk;
        const lines = buf.split("\n");
        buf = lines.pop()!;
        for (const l of lines) for (const f of [...this.#listeners]) f(l.trimEnd());
      }
    } catch { /* a killed process closes its pipe abruptly */ }
    await this.#child.status;
  }

  /** Writes one command. Refuses anything with a line break: it would be a second command. */
  async send(cmd: string): Promise<void> {
    if (!isSafeCommand(cmd)) throw new EngineFailure("refusing a UCI command with control bytes");
    if (!this.#alive) throw new EngineFailure("engine process has exited");
    await this.#writer.write(new TextEncoder().encode(cmd + "\n")).catch(() => {
      throw new EngineFailure("engine process closed its input");
    });
  }

  /** Calls `onLine` for every output line until `match` returns true, within `timeoutMs`. */
  until(match: (line: string) => boolean, timeoutMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
      // Everything this wait holds (the listener, the timer, the caller's closures) is
      // dropped when it settles: a search must not live as long as the engine process.
      const done = (err?: Error, line?: string) => {
        clearTimeout(timer);
        this.#listeners.delete(listener);
        this.#waits.delete(done);
        if (err) reject(err);
        else resolve(line!);
      };
      const listener = (line: string) => match(line) && done(undefined, line);
      const timer = setTimeout(
        () => done(new EngineFailure(`no answer in ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.#listeners.add(listener);
      this.#waits.add(done);
      if (!this.#alive) done(new EngineFailure("engine process exited"));
    });
  }

  /** Kills the process (SIGKILL) and waits for it to be gone. */
  async kill(): Promise<void> {
    try {
      this.#child.kill("SIGKILL");
    } catch { /* already exited */ }
    await this.exited;
  }
}
