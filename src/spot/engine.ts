import { isSafeCommand } from "./uci.ts";

/** An engine that failed: crashed, or did not answer within its deadline. */
export class EngineFailure extends Error {}

/** One long-lived UCI engine process (Stockfish), spoken to line by line. */
export class EngineProcess {
  name = "unknown engine";
  readonly #child: Deno.ChildProcess;
  readonly #writer: WritableStreamDefaultWriter<Uint8Array>;
  readonly #listeners = new Set<(line: string) => void>();
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
      const done = (err?: Error, line?: string) => {
        clearTimeout(timer);
        this.#listeners.delete(listener);
        err ? reject(err) : resolve(line!);
      };
      const listener = (line: string) => match(line) && done(undefined, line);
      const timer = setTimeout(
        () => done(new EngineFailure(`no answer in ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.#listeners.add(listener);
      this.exited.then(() => done(new EngineFailure("engine process exited")));
    });
  }

  /** `uci` → `uciok` (taking the engine's name), then `isready` → `readyok`. */
  async handshake(timeoutMs = 10_000): Promise<void> {
    const name = (line: string) => line.startsWith("id name ") && (this.name = line.slice(8));
    const seen = this.until((l) => (name(l), l === "uciok"), timeoutMs);
    await this.send("uci");
    await seen;
    await this.ready(timeoutMs);
  }

  /** `isready` → `readyok`: the engine has applied every command sent before. */
  async ready(timeoutMs = 10_000): Promise<void> {
    const ok = this.until((l) => l === "readyok", timeoutMs);
    await this.send("isready");
    await ok;
  }

  /** Kills the process (SIGKILL) and waits for it to be gone. */
  async kill(): Promise<void> {
    try {
      this.#child.kill("SIGKILL");
    } catch { /* already exited */ }
    await this.exited;
  }
}
