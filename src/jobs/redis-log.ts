import type { Redis } from "ioredis";
import type { GameAnalysis, PositionEval } from "../analysis/types.ts";
import { ACTIVE_TTL_S, jobKeys, JOBS_PREFIX } from "./redis-keys.ts";
import type { JobLog } from "./store.ts";
import type { GameResults, JobEvent, JobEventName } from "./types.ts";

/**
 * The job log in Redis: events in a list (an event's sequence number is its place in it, so
 * every replica numbers alike), evaluated positions and each game's latest analysis in
 * hashes. Every write keeps the key's TTL at least the active one; finishing sets the result TTL.
 */
export class RedisJobLog implements JobLog {
  constructor(private readonly redis: Redis, private readonly p = JOBS_PREFIX) {}

  async append(id: string, event: JobEventName, data: unknown): Promise<number> {
    const key = jobKeys(id, this.p).events;
    const res = await this.redis.multi().rpush(key, JSON.stringify({ event, data }))
      .expire(key, ACTIVE_TTL_S, "NX").exec();
    return Number(res?.[0]?.[1]);
  }

  async since(id: string, seq: number): Promise<JobEvent[]> {
    const from = Math.max(0, seq);
    const items = await this.redis.lrange(jobKeys(id, this.p).events, from, -1);
    return items.map((text, i) => ({ seq: from + i + 1, ...JSON.parse(text) }));
  }

  async saveEval(id: string, key: string, value: PositionEval): Promise<void> {
    const hash = jobKeys(id, this.p).evals;
    await this.redis.multi().hset(hash, key, JSON.stringify(value))
      .expire(hash, ACTIVE_TTL_S, "NX").exec();
  }

  async evals(id: string): Promise<Map<string, PositionEval>> {
    const h = await this.redis.hgetall(jobKeys(id, this.p).evals);
    return new Map(Object.entries(h).map(([k, v]) => [k, JSON.parse(v)]));
  }

  async saveGame(id: string, index: number, analysis: GameAnalysis): Promise<void> {
    const hash = jobKeys(id, this.p).results;
    await this.redis.multi().hset(hash, String(index), JSON.stringify(analysis))
      .expire(hash, ACTIVE_TTL_S, "NX").exec();
  }

  async results(id: string): Promise<GameResults> {
    const h = await this.redis.hgetall(jobKeys(id, this.p).results);
    return new Map(Object.entries(h).map(([k, v]) => [Number(k), JSON.parse(v)]));
  }

  async close(): Promise<void> {}
}
