/** An API error as the page shows it: the envelope's code, message and hint, and Retry-After. */
export interface ApiError {
  status: number;
  code: string;
  message: string;
  hint?: string;
  /** Seconds to wait, from the `Retry-After` header (429 and 503 answers). */
  retryAfterS?: number;
}

/** Seconds from a `Retry-After` header (delay-seconds or an HTTP date), or undefined. */
export function retryAfterSeconds(
  header: string | null,
  now: number = Date.now(),
): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * The ApiError of a failed response: the gateway's JSON envelope (`{"error": {code, message,
 * hint}}`, README "The engine API") when it is one, else the status line.
 */
export async function apiError(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => "");
  let body: { error?: { code?: unknown; message?: unknown; hint?: unknown } } | undefined;
  try {
    body = JSON.parse(text);
  } catch { /* not JSON: the status line says it */ }
  const e = body?.error;
  const error: ApiError = {
    status: res.status,
    code: typeof e?.code === "string" ? e.code : `http_${res.status}`,
    message: typeof e?.message === "string"
      ? e.message
      : `HTTP ${res.status} ${res.statusText}`.trim(),
  };
  if (typeof e?.hint === "string") error.hint = e.hint;
  const retry = retryAfterSeconds(res.headers.get("retry-after"));
  if (retry !== undefined) error.retryAfterS = retry;
  return error;
}

/** One line for a person: the message, the hint, and when to retry. */
export function describeError(e: ApiError): string {
  const parts = [e.message];
  if (e.hint) parts.push(e.hint);
  if (e.retryAfterS !== undefined) parts.push(`Retry after ${e.retryAfterS} s.`);
  return parts.join(" — ");
}

/** The ApiError for a request that got no answer at all (network down, gateway gone). */
export function networkError(err: unknown): ApiError {
  const why = err instanceof Error ? err.message : String(err);
  return { status: 0, code: "network_error", message: `No answer from the gateway (${why})` };
}
