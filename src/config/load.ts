import { fileSchema, formatZodError, type RoutingConfig } from "./schema.ts";

/** A loaded config, or the reason it was refused (naming file and field). */
export type LoadResult = { ok: true; config: RoutingConfig } | { ok: false; error: string };

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`${what} is not valid JSON (${(err as Error).message})`);
  }
}

/**
 * Loads the routing config: `SPOTS_FILE` (default ./spots.json), then the environment over it
 * (DESIGN §6): `ENGINE_SPOTS` (a JSON spot array) over `ENGINE_URL` (one spot, the legacy
 * setup) over the file's spots; `SPOT_HEALTH_CHECK_INTERVAL` and `SPOT_REQUEST_TIMEOUT` over
 * the file's values. A missing file is fine when the environment names the spots.
 */
export async function loadConfig(
  env: Record<string, string | undefined>,
  readFile: (path: string) => Promise<string>,
): Promise<LoadResult> {
  const path = env.SPOTS_FILE || "./spots.json";
  try {
    let raw: Record<string, unknown> = {};
    try {
      raw = parseJson(await readFile(path), path) as Record<string, unknown>;
    } catch (err) {
      if (!(err instanceof Deno.errors.NotFound)) throw err;
      if (!env.ENGINE_SPOTS && !env.ENGINE_URL) throw new Error(`${path} does not exist`);
    }
    if (typeof raw !== "object" || raw === null) throw new Error(`${path} must hold an object`);
    const merged: Record<string, unknown> = { ...raw };
    if (env.ENGINE_SPOTS) merged.spots = parseJson(env.ENGINE_SPOTS, "ENGINE_SPOTS");
    else if (env.ENGINE_URL) merged.spots = [{ id: "engine", url: env.ENGINE_URL }];
    const interval = env.SPOT_HEALTH_CHECK_INTERVAL, timeout = env.SPOT_REQUEST_TIMEOUT;
    if (interval) merged.health_check_interval = Number(interval);
    if (timeout) merged.request_timeout = Number(timeout);
    const parsed = fileSchema.safeParse(merged);
    if (!parsed.success) return { ok: false, error: formatZodError(parsed.error) };
    return { ok: true, config: parsed.data };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}
