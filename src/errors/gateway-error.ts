/** Every error code of docs/design.md §4, with its HTTP status. */
export const ERROR_STATUS = {
  invalid_request: 400,
  invalid_fen: 400,
  payload_too_large: 413,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  user_concurrency_limit: 429,
  capacity_exhausted: 503,
  no_spot_available: 503,
  limiter_unavailable: 503,
  admin_disabled: 503,
  rate_limited: 429,
  upstream_timeout: 504,
  engine_busy: 503,
  engine_failure: 502,
  internal_error: 500,
} as const;

/** One of the error codes of docs/design.md §4 (plus the spot's own engine codes). */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** Options of a GatewayError: a hint for the user, Retry-After seconds, extra headers. */
export interface GatewayErrorOptions {
  hint?: string;
  retryAfter?: number;
  headers?: Record<string, string>;
}

/** The one error type routes throw; `render.ts` turns it into the docs/design.md §4 JSON envelope. */
export class GatewayError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly hint?: string;
  readonly retryAfter?: number;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, options: GatewayErrorOptions = {}) {
    super(message);
    this.name = "GatewayError";
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.hint = options.hint;
    this.retryAfter = options.retryAfter;
    this.headers = options.headers ?? {};
  }

  /** The `error` object of the envelope (also the data of an SSE `error` event). */
  toBody(): { code: ErrorCode; message: string; hint?: string } {
    const body: { code: ErrorCode; message: string; hint?: string } = {
      code: this.code,
      message: this.message,
    };
    if (this.hint) body.hint = this.hint;
    return body;
  }
}
