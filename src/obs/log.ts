/** Log levels, least to most severe. */
export type LogLevel = "debug" | "info" | "warn" | "error";
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Where lines go; the default writes one line to stdout. */
export type LogSink = (line: string) => void;

// deno-lint-ignore no-console -- the logger is the one place that writes to stdout
const stdout: LogSink = (line) => console.log(line);

/** An object's members as JSON text after a comma (`,"a":1,"b":2`); "" when it has none. */
function members(fields: Record<string, unknown> | undefined): string {
  if (!fields) return "";
  const json = JSON.stringify(fields);
  return json.length > 2 ? `,${json.slice(1, -1)}` : "";
}

/**
 * A JSON-lines logger: one object per line with `time`, `level`, `msg`, the bound fields
 * (a request's `correlation_id`) and the call's fields. `LOG_LEVEL` sets the threshold.
 */
export class Logger {
  /** The bound fields as JSON members (`,"k":v…`), serialised at the first line, then kept. */
  #boundJson?: string;

  constructor(
    private readonly level: LogLevel = "info",
    private readonly fields: Record<string, unknown> = {},
    private readonly sink: LogSink = stdout,
  ) {}

  /** A logger whose lines all carry `fields` (e.g. `{correlation_id}`). */
  child(fields: Record<string, unknown>): Logger {
    return new Logger(this.level, { ...this.fields, ...fields }, this.sink);
  }

  /**
   * Writes one line when `level` is at or above the threshold. The line is written as text
   * — the fixed members, the bound ones, the call's — not as one merged object serialised:
   * this runs once per request (docs/benchmark.md). A call's field that repeats a bound one
   * comes after it, so a JSON reader takes the call's value, as a merge would.
   */
  log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void {
    if (RANK[level] < RANK[this.level]) return;
    this.#boundJson ??= members(this.fields);
    const head = `{"time":"${new Date().toISOString()}","level":"${level}","msg":`;
    this.sink(`${head}${JSON.stringify(msg)}${this.#boundJson}${members(fields)}}`);
  }

  /** Debug line. */
  debug(msg: string, fields?: Record<string, unknown>): void {
    this.log("debug", msg, fields);
  }

  /** Info line. */
  info(msg: string, fields?: Record<string, unknown>): void {
    this.log("info", msg, fields);
  }

  /** Warning line. */
  warn(msg: string, fields?: Record<string, unknown>): void {
    this.log("warn", msg, fields);
  }

  /** Error line. */
  error(msg: string, fields?: Record<string, unknown>): void {
    this.log("error", msg, fields);
  }
}
