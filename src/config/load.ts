import { received } from "./messages.ts";
import { fileSchema, formatZodError, type RoutingConfig, spotSchema } from "./schema.ts";

/** A loaded config, or the reason it was refused (naming file and field). */
export type LoadResult = { ok: true; config: RoutingConfig } | { ok: false; error: string };

// With ENGINE_SPOTS_DNS the spots come from DNS (src/discovery/): the file gives the rest.
const dnsModeSchema = fileSchema.extend({ spots: spotSchema.array().default([]) });

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`${what} is not valid JSON (${(err as Error).message})`);
  }
}

// A number given as text stays text when it is not one, so the message shows what was written.
const numberOrText = (v: string) => (/^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v);

/**
 * Loads the routing config: `SPOTS_FILE` (default ./spots.json), then the environment over it
 * (docs/design.md §6): `ENGINE_SPOTS_DNS` (spots discovered from DNS, none listed here) over
 * `ENGINE_SPOTS` (a JSON spot array) over `ENGINE_URL` (one spot, the legacy setup) over the
 * file's spots; `SPOT_HEALTH_CHECK_INTERVAL` and `SPOT_REQUEST_TIMEOUT` over the file's
 * values. A missing file is fine when the environment names the spots. A refusal names the
 * field, or the variable that set it (`ENGINE_SPOTS[1].url: …`).
 */
export async function loadConfig(
  env: Record<string, string | undefined>,
  readFile: (path: string) => Promise<string>,
): Promise<LoadResult> {
  const path = env.SPOTS_FILE || "./spots.json";
  const fromEnv: Record<string, string> = {};
  try {
    let raw: unknown = {};
    try {
      raw = parseJson(await readFile(path), path);
    } catch (err) {
      if (!(err instanceof Deno.errors.NotFound)) throw err;
      if (!env.ENGINE_SPOTS_DNS && !env.ENGINE_SPOTS && !env.ENGINE_URL) {
        throw new Error(`${path} does not exist; create it, or set ENGINE_URL or ENGINE_SPOTS`);
      }
    }
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      const example = '{"spots": [{"id": "local-1", "url": "http://127.0.0.1:8001"}]}';
      throw new Error(`${path} must hold an object such as ${example}, received ${received(raw)}`);
    }
    const merged: Record<string, unknown> = { ...raw };
    if (env.ENGINE_SPOTS_DNS) {
      delete merged.spots;
    } else if (env.ENGINE_SPOTS) {
      merged.spots = parseJson(env.ENGINE_SPOTS, "ENGINE_SPOTS");
      fromEnv.spots = "ENGINE_SPOTS";
    } else if (env.ENGINE_URL) {
      merged.spots = [{ id: "engine", url: env.ENGINE_URL }];
      Object.assign(fromEnv, { "spots[0].url": "ENGINE_URL", spots: "ENGINE_URL" });
    }
    const interval = env.SPOT_HEALTH_CHECK_INTERVAL, timeout = env.SPOT_REQUEST_TIMEOUT;
    if (interval) merged.health_check_interval = numberOrText(interval);
    if (interval) fromEnv.health_check_interval = "SPOT_HEALTH_CHECK_INTERVAL";
    if (timeout) merged.request_timeout = numberOrText(timeout);
    if (timeout) fromEnv.request_timeout = "SPOT_REQUEST_TIMEOUT";
    const schema = env.ENGINE_SPOTS_DNS ? dnsModeSchema : fileSchema;
    const parsed = schema.safeParse(merged);
    if (parsed.success) return { ok: true, config: parsed.data };
    const name = (p: string) => fromEnv[p] ?? p.replace(/^spots(?=\[|$)/, fromEnv.spots ?? "spots");
    return { ok: false, error: formatZodError(parsed.error, name, path) };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}
