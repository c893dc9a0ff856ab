/** The result of one active check. */
export interface CheckResult {
  ok: boolean;
  ms: number;
  /** Why it failed, or the spot's engine when it passed. */
  detail: string;
  busy?: number;
  capacity?: number;
}

/**
 * One active check: `GET /health` within `timeoutMs` (default 5 s). It passes only on a 200
 * whose JSON has the spot `/health` shape with status "healthy".
 */
export async function checkSpot(baseUrl: string, timeoutMs = 5_000): Promise<CheckResult> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const res = await fetch(`${baseUrl.replace(/\/+$/, "")}/health`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (res.status !== 200) return { ok: false, ms: ms(), detail: `status ${res.status}` };
    const body = JSON.parse(text);
    const shaped = body?.status === "healthy" && typeof body.engine === "string" &&
      Number.isFinite(body.busy) && Number.isFinite(body.capacity);
    if (!shaped) return { ok: false, ms: ms(), detail: "not a spot /health answer" };
    return { ok: true, ms: ms(), detail: body.engine, busy: body.busy, capacity: body.capacity };
  } catch (err) {
    const timeout = err instanceof DOMException && err.name === "TimeoutError";
    const detail = timeout
      ? "timeout"
      : err instanceof SyntaxError
      ? "invalid JSON"
      : "connect error";
    return { ok: false, ms: ms(), detail };
  }
}
