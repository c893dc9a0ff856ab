import { encodeComment, encodeEvent, encodeRetry } from "../sse/format.ts";
import { sleep } from "./backoff.ts";
import type { JobLog } from "./store.ts";
import type { JobEvent } from "./types.ts";

/** What a job's event stream needs: the log, where to start, and its clocks. */
export interface JobStreamOptions {
  log: JobLog;
  id: string;
  /** The last event the client has (its `Last-Event-ID`; 0 for none). */
  after: number;
  /** How often the log is read for new events (default 200 ms). */
  pollMs?: number;
  /** A comment after this long without an event (KEEPALIVE_INTERVAL). */
  keepAliveMs: number;
  /** The client's reconnection delay (`retry:`, default 2000 ms). */
  retryMs?: number;
  /** True while the replica drains: the stream ends, the client reconnects elsewhere. */
  stopping: () => boolean;
}

/** Whether an event ends a job's stream. */
export const isLast = (e: JobEvent): boolean => e.event === "done" || e.event === "failed";

/** The `Last-Event-ID` of a job stream: the sequence number of the last event, else 0. */
export function parseJobEventId(value: string | null | undefined): number {
  const v = value?.trim() ?? "";
  return /^\d{1,9}$/.test(v) ? Number(v) : 0;
}

/**
 * A job's events as Server-Sent Events: `retry:`, then every event after `after` (each with
 * its sequence number as `id`, so a reconnect with `Last-Event-ID` continues without repeats),
 * live ones as the log grows, a comment while quiet; it ends after `done` or `failed`, when
 * the replica drains, or when the client goes away (the polling stops with it).
 */
export function jobEventStream(o: JobStreamOptions): ReadableStream<Uint8Array> {
  const gone = new AbortController();
  let seq = o.after;
  let quietSince = Date.now();
  return new ReadableStream<Uint8Array>({
    start(ctl) {
      ctl.enqueue(encodeRetry(o.retryMs ?? 2000));
    },
    async pull(ctl) {
      while (!gone.signal.aborted) {
        const events = await o.log.since(o.id, seq).catch(() => []);
        for (const e of events) {
          seq = e.seq;
          ctl.enqueue(
            encodeEvent({ event: e.event, id: String(e.seq), data: JSON.stringify(e.data) }),
          );
          if (isLast(e)) return ctl.close();
        }
        if (events.length > 0) return void (quietSince = Date.now());
        if (o.stopping()) return ctl.close();
        if (Date.now() - quietSince >= o.keepAliveMs) {
          quietSince = Date.now();
          return ctl.enqueue(encodeComment("waiting"));
        }
        await sleep(o.pollMs ?? 200, gone.signal).catch(() => {});
      }
    },
    cancel() {
      gone.abort();
    },
  });
}
