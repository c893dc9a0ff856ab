import type { Redis } from "ioredis";
import * as K from "./redis-keys.ts";
import { type JobStore, laneStart, waitScore } from "./store.ts";
import { FINISHED, type JobGame, type JobPatch, type JobRecord, type JobStatus } from "./types.ts";

type Scripted = Redis & {
  jobTransition(...args: (string | number)[]): Promise<number>;
  jobClaimBatch(...args: (string | number)[]): Promise<string | null>;
};

const encode = (o: object) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, JSON.stringify(v)]));

/**
 * The store shared by every replica (`REDIS_URL`): a job's record is a hash of JSON fields
 * (a patch writes only its fields), status moves are one script that also keeps the waiting
 * order (a sorted set by lane, rank and age) and the by-status sets in step.
 */
export class RedisJobStore implements JobStore {
  readonly #r: Scripted;
  constructor(redis: Redis, private readonly ttlS: number, private readonly p = K.JOBS_PREFIX) {
    redis.defineCommand("jobTransition", { numberOfKeys: 0, lua: K.TRANSITION });
    redis.defineCommand("jobClaimBatch", { numberOfKeys: 1, lua: K.CLAIM_BATCH });
    this.#r = redis as Scripted;
  }

  async create(rec: JobRecord, games: JobGame[]): Promise<void> {
    const k = K.jobKeys(rec.id, this.p);
    await this.#r.multi().hset(k.rec, encode(rec)).expire(k.rec, K.ACTIVE_TTL_S)
      .set(k.games, JSON.stringify(games), "EX", K.ACTIVE_TTL_S)
      .zadd(`${this.p}:waiting`, waitScore(rec), rec.id)
      .zadd(`${this.p}:status:queued`, rec.created_at, rec.id).exec();
  }

  async get(id: string): Promise<JobRecord | undefined> {
    const h = await this.#r.hgetall(K.jobKeys(id, this.p).rec);
    if (!h.status) return undefined;
    return Object.fromEntries(Object.entries(h).map(([k, v]) => [k, JSON.parse(v)])) as JobRecord;
  }

  async patch(id: string, patch: JobPatch): Promise<void> {
    const rec = K.jobKeys(id, this.p).rec;
    // Only onto a record that exists: an expired job must not come back as a fragment.
    if (await this.#r.exists(rec)) await this.#r.hset(rec, encode(patch));
  }

  async transition(
    id: string,
    from: JobStatus[],
    to: JobStatus,
    patch: JobPatch = {},
  ): Promise<boolean> {
    const rec = await this.get(id);
    if (!rec) return false;
    const ttl = FINISHED.includes(to) ? this.ttlS : 0;
    const args = [this.p, id, to, JSON.stringify(from), JSON.stringify(encode(patch))];
    const more = [waitScore(rec), ttl, Date.now(), JSON.stringify(K.JOB_KEY_SUFFIXES)];
    return (await this.#r.jobTransition(...args, ...more)) === 1;
  }

  async games(id: string): Promise<JobGame[]> {
    return JSON.parse(await this.#r.get(K.jobKeys(id, this.p).games) ?? "[]");
  }

  waitingCount(): Promise<number> {
    return this.#r.zcard(`${this.p}:waiting`);
  }

  async queuePosition(id: string): Promise<number | null> {
    const [rank, rec] = await Promise.all([this.#r.zrank(`${this.p}:waiting`, id), this.get(id)]);
    if (rank === null || !rec) return null;
    const before = await this.#r.zcount(`${this.p}:waiting`, "-inf", `(${laneStart(rec.kind)}`);
    return rank - before + 1;
  }

  async list(status: JobStatus, limit: number): Promise<string[]> {
    if (status === "queued") return await this.#r.zrange(`${this.p}:waiting`, 0, limit - 1);
    const set = `${this.p}:status:${status}`;
    // Finished jobs' records expire by TTL; their entries here are pruned the same way.
    if (FINISHED.includes(status)) {
      await this.#r.zremrangebyscore(set, "-inf", Date.now() - this.ttlS * 1000);
    }
    return await this.#r.zrange(set, 0, limit - 1);
  }

  async claimBatch(user: string, id: string, limit: number): Promise<string | null> {
    const set = `${this.p}:batch:${user}`;
    return await this.#r.jobClaimBatch(set, id, this.p, K.ACTIVE_TTL_S, limit);
  }

  async releaseBatch(user: string, id: string): Promise<void> {
    await this.#r.srem(`${this.p}:batch:${user}`, id);
  }

  async close(): Promise<void> {
    await this.#r.quit().catch(() => {});
  }
}
