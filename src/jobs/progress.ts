import { percentOf } from "./plan.ts";
import type { JobLog, JobStore } from "./store.ts";
import type { JobProgress } from "./types.ts";

/**
 * A running job's progress: positions done over all phases. It is written to the record and
 * published as a `progress` event when the integer percent changes (at most ~100 events a
 * job, however many positions), and at the end of each phase.
 */
export class ProgressTracker {
  phase = 0;
  #published = -1;

  constructor(
    private readonly store: JobStore,
    private readonly log: JobLog,
    private readonly id: string,
    readonly total: number,
    public done: number,
  ) {}

  /** The progress now. */
  get value(): JobProgress {
    return { done: this.done, total: this.total, percent: percentOf(this.done, this.total) };
  }

  /** Counts `n` positions done; publishes when the percent moved. */
  async advance(n = 1): Promise<void> {
    this.done += n;
    if (this.value.percent !== this.#published) await this.publish();
  }

  /** Writes and publishes the progress now. */
  async publish(): Promise<void> {
    const progress = this.value;
    this.#published = progress.percent;
    await this.store.patch(this.id, { progress });
    await this.log.append(this.id, "progress", { phase: this.phase, ...progress });
  }
}
