import { type ApiError, apiError, networkError } from "../lib/api-error.ts";

/** A submitted job, or why it was refused. */
export type Submitted = { jobId: string } | { error: ApiError };

/**
 * Parses the phases field (`8, 14`): ascending depths 1..30, at most 3; undefined when it is
 * not that (the page says so before anything is sent).
 */
export function parsePhases(text: string): number[] | undefined {
  const depths = text.split(/[\s,]+/).filter((t) => t !== "").map(Number);
  const ok = depths.length >= 1 && depths.length <= 3 &&
    depths.every((d, i) =>
      Number.isInteger(d) && d >= 1 && d <= 30 && (i === 0 || d > depths[i - 1]!)
    );
  return ok ? depths : undefined;
}

/** `POST /v1/games` with a PGN and its phases (docs/design.md §10). */
export async function submitGame(
  pgn: string,
  phases: number[],
  fetchFn: typeof fetch = fetch,
): Promise<Submitted> {
  try {
    const res = await fetchFn("/v1/games", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ pgn, phases }),
    });
    if (!res.ok) return { error: await apiError(res) };
    const body = await res.json();
    return { jobId: String(body.job_id) };
  } catch (err) {
    return { error: networkError(err) };
  }
}

/** `DELETE /v1/jobs/{id}`: cancels a job (idempotent). */
export async function cancelJob(jobId: string, fetchFn: typeof fetch = fetch): Promise<void> {
  const res = await fetchFn(`/v1/jobs/${encodeURIComponent(jobId)}`, { method: "DELETE" })
    .catch(() => undefined);
  await res?.body?.cancel();
}

/** The event stream of a job. */
export const jobEventsUrl = (jobId: string): string =>
  `/v1/jobs/${encodeURIComponent(jobId)}/events`;
