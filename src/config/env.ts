import { z } from "zod";

const num = (dflt: number, min = 0) => z.coerce.number().int().min(min).default(dflt);
const text = z.string().trim().transform((v) => (v === "" ? undefined : v)).optional();

/**
 * The gateway's environment (README "Configuration"); empty values count as absent. Spot
 * lists and timeouts that override spots.json are applied in load.ts.
 */
export const envSchema = z.object({
  PORT: num(8080, 1),
  HOSTNAME: z.string().default("0.0.0.0"),
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
  // Game analysis jobs (README "Game analysis jobs").
  JOB_MAX_GAMES: num(200, 1),
  JOB_QUEUE_MAX: num(100, 1),
  JOB_RESULT_TTL: num(86_400, 1),
  JOB_MAX_BODY_BYTES: num(2_097_152, 1024),
  JOB_CONCURRENCY: num(4, 1),
  JOB_ATTEMPTS: num(3, 1),
  JOB_BACKOFF_MS: num(2000),
  JOB_LOCK_MS: num(30_000, 1000),
});

/** The validated environment. */
export type GatewayEnv = z.infer<typeof envSchema>;

/** Reads the environment (a plain map, so tests pass their own); throws naming the variable. */
export function readEnv(env: Record<string, string | undefined>): GatewayEnv {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new Error(`Cannot start: ${String(issue.path[0])} ${issue.message}`);
}
