import type { JobQueue, QueueSettings } from "./queue.ts";
import type { JobLog, JobStore } from "./store.ts";
import { MemoryJobLog } from "./memory-log.ts";
import { MemoryJobQueue } from "./memory-queue.ts";
import { MemoryJobStore } from "./memory-store.ts";

/** Where jobs are kept and queued: both in memory, or both in Redis. */
export interface JobBackend {
  store: JobStore;
  log: JobLog;
  queue: JobQueue;
  /** Closes the queue first (workers stop), then the connections. */
  close(): Promise<void>;
}

/** The in-process backend: one replica; jobs live while the process does. */
export function memoryBackend(resultTtlS: number, settings: QueueSettings): JobBackend {
  const log = new MemoryJobLog();
  const store = new MemoryJobStore(resultTtlS * 1000, (id) => log.forget(id));
  const queue = new MemoryJobQueue(settings);
  return { store, log, queue, close: () => queue.close() };
}
