import { type JobStore, laneStart, waitScore } from "./store.ts";
import * as T from "./types.ts";

interface Entry {
  rec: T.JobRecord;
  games: T.JobGame[];
  expiresAt: number;
}

/**
 * The in-process store (no `REDIS_URL`): jobs live while the process does. A finished job is
 * gone `ttlMs` after it finished, and swept (`onExpire` told) when a job is created: only
 * creates make it grow. `now` is a parameter for tests.
 */
export class MemoryJobStore implements JobStore {
  readonly #jobs = new Map<string, Entry>();
  readonly #batches = new Map<string, Set<string>>();
  constructor(
    private readonly ttlMs: number,
    private readonly onExpire: (id: string) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {}

  #entry(id: string): Entry | undefined {
    const e = this.#jobs.get(id);
    return e && e.expiresAt > this.now() ? e : undefined;
  }

  create(rec: T.JobRecord, games: T.JobGame[]): Promise<void> {
    for (const key of [...this.#jobs.keys()]) {
      if (this.#entry(key)) continue;
      this.#jobs.delete(key);
      this.onExpire(key);
    }
    this.#jobs.set(rec.id, { rec: { ...rec }, games, expiresAt: Infinity });
    return Promise.resolve();
  }

  get(id: string): Promise<T.JobRecord | undefined> {
    const e = this.#entry(id);
    return Promise.resolve(e && structuredClone(e.rec));
  }

  patch(id: string, patch: T.JobPatch): Promise<void> {
    const e = this.#entry(id);
    if (e) Object.assign(e.rec, patch);
    return Promise.resolve();
  }

  transition: JobStore["transition"] = (id, from, to, patch = {}) => {
    const e = this.#entry(id);
    if (!e || !from.includes(e.rec.status)) return Promise.resolve(false);
    Object.assign(e.rec, patch, { status: to });
    e.expiresAt = T.FINISHED.includes(to) ? this.now() + this.ttlMs : Infinity;
    return Promise.resolve(true);
  };

  games = (id: string): Promise<T.JobGame[]> => Promise.resolve(this.#entry(id)?.games ?? []);

  // Jobs of a status; queued ones in waiting order, the others oldest first.
  #of(status: T.JobStatus): T.JobRecord[] {
    const live = [...this.#jobs.keys()].flatMap((id) => this.#entry(id)?.rec ?? []);
    const recs = live.filter((r) => r.status === status);
    return status === "queued" ? recs.sort((a, b) => waitScore(a) - waitScore(b)) : recs;
  }

  waitingCount(): Promise<number> {
    return Promise.resolve(this.#of("queued").length);
  }

  queuePosition(id: string): Promise<number | null> {
    const waiting = this.#of("queued");
    const rec = waiting.find((r) => r.id === id);
    if (!rec) return Promise.resolve(null);
    const lane = waiting.filter((r) => waitScore(r) >= laneStart(rec.kind));
    return Promise.resolve(lane.indexOf(rec) + 1);
  }

  list(status: T.JobStatus, limit: number): Promise<string[]> {
    return Promise.resolve(this.#of(status).slice(0, limit).map((r) => r.id));
  }

  claimBatch(user: string, id: string, limit: number): Promise<string | null> {
    const held = [...(this.#batches.get(user) ?? [])].filter((j) =>
      !T.FINISHED.includes(this.#entry(j)?.rec.status ?? "completed")
    );
    if (held.length >= limit) return Promise.resolve(held.sort()[0]!);
    this.#batches.set(user, new Set([...held, id]));
    return Promise.resolve(null);
  }

  releaseBatch(user: string, id: string): Promise<void> {
    this.#batches.get(user)?.delete(id);
    if (this.#batches.get(user)?.size === 0) this.#batches.delete(user);
    return Promise.resolve();
  }

  close = (): Promise<void> => Promise.resolve();
}
