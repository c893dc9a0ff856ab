import { CancelWatch } from "./cancel-watch.ts";
import { countFinished } from "./metrics.ts";
import { loadRun } from "./run-context.ts";
import { runPhase } from "./run-phase.ts";
import { type Attempt, type RunnerDeps, RunStopped } from "./runner-deps.ts";
import { finishJob } from "./finish.ts";

/**
 * Runs one attempt of job `id`: marks it running (a job taken over from a dead replica picks
 * up what that one stored), searches phase after phase, and finishes it `completed`; a
 * failure is the job's `failed` on its final attempt, else it is queued again and the error
 * rethrown for the queue's backoff. A cancel stops every position in flight; a shutdown of
 * this replica (`outer`) leaves the job running for another replica to take over.
 */
export async function runJob(
  d: RunnerDeps,
  id: string,
  attempt: Attempt,
  outer: AbortSignal,
): Promise<void> {
  const now = d.now ?? Date.now;
  const rec = await d.store.get(id);
  if (!rec || (rec.status !== "queued" && rec.status !== "running")) return;
  const started = rec.started_at ?? now();
  const patch = { started_at: started, attempts: attempt.number, error: null };
  if (!await d.store.transition(id, ["queued", "running"], "running", patch)) return;
  if (rec.started_at === null) d.metrics.waitSeconds.observe((started - rec.created_at) / 1000);
  const log = d.logger.child({ job_id: id, kind: rec.kind });
  using watch = new CancelWatch(d.store, id, outer, d.cancelPollMs);
  const failed = new AbortController();
  const signal = AbortSignal.any([watch.signal, failed.signal]);
  const ctx = await loadRun(d, rec, signal);
  const { progress } = ctx;
  log.info("job started", {
    attempt: attempt.number,
    games: ctx.games.length,
    phases: rec.phases,
    wait_ms: started - rec.created_at,
    resumed_positions: ctx.stored.size,
  });
  const finished = (outcome: "completed" | "failed", fields = {}) => {
    countFinished(d.metrics, rec.kind, outcome);
    d.metrics.durationSeconds.observe({ kind: rec.kind }, (now() - started) / 1000);
    log.log(outcome === "failed" ? "error" : "info", "job finished", {
      outcome,
      run_ms: now() - started,
      total_ms: now() - rec.created_at,
      ...fields,
    });
  };
  d.metrics.active.inc();
  try {
    for (let phase = 1; phase <= rec.phases.length; phase++) {
      const t0 = now();
      progress.phase = phase;
      await d.store.patch(id, { phase });
      await runPhase(ctx, phase);
      await progress.publish();
      d.metrics.phaseSeconds.observe({ phase: String(phase) }, (now() - t0) / 1000);
      log.info("phase done", { phase, depth: rec.phases[phase - 1], phase_ms: now() - t0 });
    }
    await finishJob(d, rec, "completed", null);
    finished("completed");
  } catch (err) {
    failed.abort(err);
    const why = signal.reason instanceof RunStopped ? signal.reason.why : undefined;
    if (why === "cancelled") return log.info("job run stopped: cancelled", {});
    if (why === "shutdown") throw signal.reason;
    const reason = err instanceof Error ? err.message : String(err);
    if (!attempt.final) {
      await d.store.transition(id, ["running"], "queued", { error: reason });
      log.warn("job attempt failed, will retry", { attempt: attempt.number, error: reason });
      throw err;
    }
    await finishJob(d, rec, "failed", reason);
    finished("failed", { attempts: attempt.number, error: reason });
  } finally {
    d.metrics.active.dec();
  }
}
