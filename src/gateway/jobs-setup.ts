import type { Hono } from "hono";
import type { HealthzSection } from "../http/routes/probes.ts";
import { adminJobRoutes } from "../http/routes/admin-jobs.ts";
import { jobEventRoutes } from "../http/routes/job-events.ts";
import { jobRoutes } from "../http/routes/jobs.ts";
import { gameAnalysis } from "../jobs/analyser.ts";
import { type JobBackend, memoryBackend } from "../jobs/backend.ts";
import { fleetCapacity } from "../jobs/capacity.ts";
import { FanOut } from "../jobs/fanout.ts";
import { registerJobMetrics } from "../jobs/metrics.ts";
import { routerSearch } from "../jobs/position-search.ts";
import { jobProcessor } from "../jobs/processor.ts";
import type { JobService } from "../jobs/service.ts";
import type { ConcurrencyLimiter } from "../limits/limiter.ts";
import { checkSpot } from "../upstream/health-check.ts";
import type { Gateway } from "./gateway.ts";

/** The job system as the gateway mounts it: routes, admin routes, `/healthz` part, shutdown. */
export interface JobsSetup {
  mount(app: Hono): void;
  /** Under `/admin/*`, after the admin JWT check. */
  mountAdmin(app: Hono): void;
  healthz: HealthzSection;
  close(): Promise<void>;
}

async function backendFor(gw: Gateway): Promise<JobBackend> {
  const env = gw.env;
  const settings = {
    gameConcurrency: env.JOB_CONCURRENCY,
    batchConcurrency: env.BATCH_GLOBAL_LIMIT,
    attempts: env.JOB_ATTEMPTS,
    backoffMs: env.JOB_BACKOFF_MS,
  };
  if (!env.REDIS_URL) return memoryBackend(env.JOB_RESULT_TTL, settings);
  // BullMQ is loaded only with Redis configured.
  const { redisBackend } = await import("../jobs/redis-backend.ts");
  const lock = { ...settings, lockMs: env.JOB_LOCK_MS };
  return await redisBackend(env.REDIS_URL, env.JOB_RESULT_TTL, lock, gw.log);
}

/**
 * Builds the job system from the environment (README "Game analysis jobs"): the backend,
 * the metrics, the fan-out over the fleet's capacity through the gateway's router, and this
 * replica's workers (started here); batches run under the limiter's batch leases.
 */
export async function jobsFromEnv(gw: Gateway, limiter: ConcurrencyLimiter): Promise<JobsSetup> {
  const env = gw.env;
  const backend = await backendFor(gw);
  const metrics = registerJobMetrics(gw.metrics.registry, () => backend.store.waitingCount());
  const fanout = new FanOut(() => fleetCapacity(gw.pool));
  const logger = gw.log.child({ component: "jobs" });
  const search = routerSearch({
    router: gw.router,
    timeouts: () => gw.timeouts(),
    stillAnswering: async (url) => (await checkSpot(url, 2000)).ok,
  });
  const deps = { ...backend, search, fanout, analyser: gameAnalysis, metrics, logger };
  backend.queue.start(jobProcessor(deps, limiter));
  const service: JobService = {
    ...backend,
    parsers: gameAnalysis,
    metrics,
    logger,
    limits: {
      maxGames: env.JOB_MAX_GAMES,
      maxWaiting: env.JOB_QUEUE_MAX,
      userBatches: env.BATCH_USER_LIMIT,
      maxBodyBytes: env.JOB_MAX_BODY_BYTES,
    },
  };
  const userHeader = env.USER_HEADER;
  return {
    mount: (app) => {
      app.route("/", jobRoutes({ service, userHeader }));
      const keepAliveMs = () => gw.timeouts().keepAliveMs;
      app.route(
        "/",
        jobEventRoutes({ service, userHeader, keepAliveMs, draining: () => gw.draining }),
      );
    },
    mountAdmin: (app) => void app.route("/", adminJobRoutes(service)),
    healthz: async () => ({
      jobs: {
        backend: backend.queue.backend,
        waiting: await backend.store.waitingCount().catch(() => null),
        running_here: (await metrics.active.get()).values[0]?.value ?? 0,
        positions_in_flight: fanout.running,
        positions_waiting: fanout.waiting,
        fleet_capacity: fleetCapacity(gw.pool),
        limits: { ...service.limits, attempts: env.JOB_ATTEMPTS, result_ttl_s: env.JOB_RESULT_TTL },
      },
    }),
    close: () => backend.close(),
  };
}
