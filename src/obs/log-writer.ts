/** Where buffered lines end up: `Deno.stdout` or anything with its `write`/`writeSync`. */
export interface LineOutput {
  write(p: Uint8Array): Promise<number>;
  writeSync(p: Uint8Array): number;
}

/** Flush period (ms) and the buffered size (bytes) that flushes at once. */
export const FLUSH_MS = 100;
export const FLUSH_BYTES = 64 * 1024;

const encoder = new TextEncoder();

/**
 * Log lines written in batches instead of one synchronous `console.log` each: a line joins a
 * buffer that is written asynchronously at most FLUSH_MS later (sooner past FLUSH_BYTES),
 * writes never overlap, and `flush()` / `flushSync()` drain everything (at shutdown, so
 * nothing is lost on SIGTERM). The timer does not keep the process alive.
 */
export class BufferedLineWriter {
  #lines: string[] = [];
  #bytes = 0;
  #timer?: ReturnType<typeof setTimeout>;
  #writing: Promise<void> = Promise.resolve();

  constructor(private readonly out: LineOutput = Deno.stdout) {}

  /** Queues one line (without its newline). */
  write(line: string): void {
    this.#lines.push(line);
    this.#bytes += line.length + 1;
    if (this.#bytes >= FLUSH_BYTES) return void this.flush();
    if (this.#timer !== undefined) return;
    this.#timer = setTimeout(() => void this.flush(), FLUSH_MS);
    Deno.unrefTimer(this.#timer);
  }

  /** Writes what is buffered; resolves when it (and every earlier write) is out. */
  flush(): Promise<void> {
    const data = this.#take();
    if (data) this.#writing = this.#writing.then(() => this.#writeAll(data));
    return this.#writing;
  }

  /** Writes what is buffered now, synchronously (the last thing before `Deno.exit`). */
  flushSync(): void {
    const data = this.#take();
    let at = 0;
    while (data && at < data.length) {
      const n = this.out.writeSync(data.subarray(at));
      if (n <= 0) return; // the output takes nothing more: give up rather than spin
      at += n;
    }
  }

  #take(): Uint8Array | undefined {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#lines.length === 0) return undefined;
    const data = encoder.encode(this.#lines.join("\n") + "\n");
    this.#lines = [];
    this.#bytes = 0;
    return data;
  }

  async #writeAll(data: Uint8Array): Promise<void> {
    let at = 0;
    try {
      while (at < data.length) at += await this.out.write(data.subarray(at));
    } catch { /* stdout closed: nowhere left to log */ }
  }
}
