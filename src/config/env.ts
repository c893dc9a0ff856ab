import { z } from "zod";
import { parseDnsSetting, parseNameServer } from "../discovery/setting.ts";
import { parsedBy } from "./parsed.ts";

// One message per number, so `PORT=abc` and `PORT=70000` both say what to write instead.
const num = (dflt: number, min = 0, max?: number) => {
  const error = `must be an integer ${max === undefined ? `≥ ${min}` : `${min}..${max}`}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error })
    .max(max ?? Number.MAX_SAFE_INTEGER, { error }).default(dflt);
};
const text = z.string().trim().transform((v) => (v === "" ? undefined : v)).optional();

/**
 * The gateway's environment (README "Configuration"); empty values count as absent. Spot
 * lists and timeouts that override spots.json are applied in load.ts.
 */
export const envSchema = z.object({
  PORT: num(8080, 1, 65535),
  // Never HOSTNAME: Docker and Kubernetes set it to the container's or pod's name.
  LISTEN_HOST: z.string().default("0.0.0.0"),
  SPOTS_FILE: z.string().default("./spots.json"),
  REDIS_URL: text,
  ADMIN_JWT_SECRET: text,
  ADMIN_JWT_PUBLIC_KEY: text,
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  DRAIN_TIMEOUT: num(30),
  STREAM_IDLE_TIMEOUT: num(15, 1),
  KEEPALIVE_INTERVAL: num(10, 1),
  REQUEST_DEADLINE: num(60, 1),
  LIMITER_ON_REDIS_DOWN: z.enum(["local", "deny"]).default("local"),
  GATEWAY_REPLICAS: num(1, 1),
  USER_HEADER: z.string().default("X-User-ID"),
  ANALYSIS_USER_LIMIT: num(4),
  ANALYSIS_GLOBAL_LIMIT: num(0),
  BATCH_USER_LIMIT: num(1, 1),
  BATCH_GLOBAL_LIMIT: num(3, 1),
  LEASE_TTL: num(30, 3),
  MAX_BODY_BYTES: num(16_384, 256),
  ADMIN_RATE_LIMIT: num(30, 1),
  // App authentication and token lifetimes (README "Limits and job leases", "Operating it").
  // Any of the first three turns app authentication on; the user then comes only from it.
  APP_API_KEYS: text,
  APP_JWT_SECRET: text,
  APP_JWT_PUBLIC_KEY: text,
  APP_JWT_ISSUER: text,
  APP_JWT_MAX_TTL: num(3600, 1),
  ADMIN_JWT_MAX_TTL: num(3600, 1),
  // Spot discovery from DNS (src/discovery/): when set, it replaces ENGINE_SPOTS, ENGINE_URL
  // and the file's spots.
  ENGINE_SPOTS_DNS: parsedBy(parseDnsSetting),
  SPOT_DNS_INTERVAL: num(10, 1, 3600),
  SPOT_DNS_SERVER: parsedBy(parseNameServer),
  // Position cache and coalescing (README "Cache"): CACHE=off turns both off.
  CACHE: z.enum(["on", "off"]).default("on"),
  CACHE_MAX_ENTRIES: num(50_000, 1),
  CACHE_MAX_BYTES: num(64 * 2 ** 20, 4096),
  CACHE_TTL: num(604_800, 1),
  COALESCE_MAX_WAITERS: num(1000),
  // Game analysis jobs (README "Game analysis jobs").
  JOB_MAX_GAMES: num(200, 1),
  JOB_QUEUE_MAX: num(100, 1),
  JOB_RESULT_TTL: num(86_400, 1),
  JOB_MAX_BODY_BYTES: num(2_097_152, 1024),
  JOB_CONCURRENCY: num(4, 1),
  JOB_ATTEMPTS: num(3, 1),
  JOB_BACKOFF_MS: num(2000),
  JOB_LOCK_MS: num(30_000, 1000),
  // The built-in web console at /console/ (README "Console"); `off`: not served, `/` is a 404.
  CONSOLE: z.enum(["on", "off"]).default("on"),
});

/** The validated environment. */
export type GatewayEnv = z.infer<typeof envSchema>;

/**
 * Reads the environment (a plain map, so tests pass their own). Throws one line naming every
 * bad variable, what it must be and what it holds:
 * `Cannot start: PORT must be an integer 1..65535, received "abc"`.
 */
export function readEnv(env: Record<string, string | undefined>): GatewayEnv {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const problems = new Map<string, string>(); // one line per variable, however many rules broke
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0]);
    const must = issue.code === "invalid_value"
      ? `must be one of ${issue.values.join(", ")}`
      : issue.message;
    if (!problems.has(name)) {
      problems.set(name, `${name} ${must}, received ${JSON.stringify(cleaned[name])}`);
    }
  }
  throw new Error(`Cannot start: ${[...problems.values()].join("; ")}`);
}
