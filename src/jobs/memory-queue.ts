import { RunStopped } from "./runner-deps.ts";
import { backoffDelay, type JobProcessor, type JobQueue, type QueueSettings } from "./queue.ts";
import { waitScore } from "./store.ts";
import type { JobRecord } from "./types.ts";

interface Queued {
  id: string;
  kind: JobRecord["kind"];
  score: number;
  attempt: number;
}

/**
 * The in-process queue (no `REDIS_URL`): one replica, jobs live while the process does. Each
 * lane takes its jobs in waiting order (priority, then age) up to its concurrency; a failed
 * attempt is queued again after the backoff, until the attempts are spent.
 */
export class MemoryJobQueue implements JobQueue {
  readonly backend = "memory" as const;
  readonly #lanes = { game: [] as Queued[], batch: [] as Queued[] };
  readonly #running = { game: 0, batch: 0 };
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  readonly #stop = new AbortController();
  #processor?: JobProcessor;

  constructor(private readonly s: QueueSettings) {}

  add(rec: JobRecord): Promise<void> {
    this.#enqueue({ id: rec.id, kind: rec.kind, score: waitScore(rec), attempt: 1 });
    return Promise.resolve();
  }

  retry(rec: JobRecord): Promise<void> {
    return this.add(rec);
  }

  start(processor: JobProcessor): void {
    this.#processor = processor;
    this.#pump();
  }

  #enqueue(q: Queued): void {
    const lane = this.#lanes[q.kind];
    const at = lane.findIndex((o) => o.score > q.score);
    lane.splice(at < 0 ? lane.length : at, 0, q);
    this.#pump();
  }

  #pump(): void {
    if (!this.#processor || this.#stop.signal.aborted) return;
    for (const kind of ["game", "batch"] as const) {
      const limit = kind === "game" ? this.s.gameConcurrency : this.s.batchConcurrency;
      while (this.#running[kind] < limit && this.#lanes[kind].length > 0) {
        this.#run(this.#lanes[kind].shift()!);
      }
    }
  }

  #run(q: Queued): void {
    this.#running[q.kind]++;
    const attempt = { number: q.attempt, final: q.attempt >= this.s.attempts };
    this.#processor!(q.id, attempt, this.#stop.signal).catch(() => {
      if (attempt.final || this.#stop.signal.aborted) return;
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        this.#enqueue({ ...q, attempt: q.attempt + 1 });
      }, backoffDelay(this.s.backoffMs, q.attempt + 1));
      this.#timers.add(timer);
    }).finally(() => {
      this.#running[q.kind]--;
      this.#pump();
    });
  }

  close(): Promise<void> {
    this.#stop.abort(new RunStopped("shutdown"));
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    return Promise.resolve();
  }
}
