import { type ApiError, apiError, networkError } from "../lib/api-error.ts";

/** An admin action on one spot (README "Operating it"). */
export type AdminAction = "disable" | "enable" | "healthcheck";

/**
 * Calls the admin API for one spot with the pasted token (`Authorization: Bearer`): the
 * gateway checks it as for any admin call. Resolves to undefined on success, else the error.
 */
export async function adminAction(
  token: string,
  spot: string,
  action: AdminAction,
  fetchFn: typeof fetch = fetch,
): Promise<ApiError | undefined> {
  try {
    const res = await fetchFn(`/admin/engine/spots/${encodeURIComponent(spot)}/${action}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token.trim()}` },
    });
    if (res.ok) {
      await res.body?.cancel();
      return undefined;
    }
    return await apiError(res);
  } catch (err) {
    return networkError(err);
  }
}
