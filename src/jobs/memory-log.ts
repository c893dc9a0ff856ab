import type { GameAnalysis, PositionEval } from "../analysis/types.ts";
import type { JobLog } from "./store.ts";
import type { GameResults, JobEvent, JobEventName } from "./types.ts";

interface Data {
  events: JobEvent[];
  evals: Map<string, PositionEval>;
  results: GameResults;
}

/** The in-process job log; `forget` drops a job's data (the store calls it on expiry). */
export class MemoryJobLog implements JobLog {
  readonly #jobs = new Map<string, Data>();

  #data(id: string): Data {
    let d = this.#jobs.get(id);
    if (!d) this.#jobs.set(id, d = { events: [], evals: new Map(), results: new Map() });
    return d;
  }

  /** Drops everything of a job. */
  forget(id: string): void {
    this.#jobs.delete(id);
  }

  append(id: string, event: JobEventName, data: unknown): Promise<number> {
    const events = this.#data(id).events;
    events.push({ seq: events.length + 1, event, data: structuredClone(data) });
    return Promise.resolve(events.length);
  }

  since(id: string, seq: number): Promise<JobEvent[]> {
    return Promise.resolve(this.#jobs.get(id)?.events.slice(Math.max(0, seq)) ?? []);
  }

  saveEval(id: string, key: string, value: PositionEval): Promise<void> {
    this.#data(id).evals.set(key, value);
    return Promise.resolve();
  }

  evals(id: string): Promise<Map<string, PositionEval>> {
    return Promise.resolve(new Map(this.#jobs.get(id)?.evals));
  }

  saveGame(id: string, index: number, analysis: GameAnalysis): Promise<void> {
    this.#data(id).results.set(index, analysis);
    return Promise.resolve();
  }

  results(id: string): Promise<GameResults> {
    return Promise.resolve(new Map(this.#jobs.get(id)?.results));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
