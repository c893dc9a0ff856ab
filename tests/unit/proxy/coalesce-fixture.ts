import { Attempts } from "../../../src/proxy/attempts.ts";
import type { OpenedClientStream, StreamStats } from "../../../src/proxy/stream-types.ts";
import { FakeRouter } from "./fake-router.ts";

const enc = new TextEncoder();

/** A client stream the test drives: push bytes, finish it, see whether it was cancelled. */
export interface ControlledStream {
  opened: OpenedClientStream;
  state: { cancelled: boolean };
  push: (text: string) => void;
  finish: (completed: boolean) => void;
}

/** A dispatcher's client stream whose bytes the test pushes; it records being cancelled. */
export function controlledStream(): ControlledStream {
  let ctl!: ReadableStreamDefaultController<Uint8Array>;
  let settle!: () => void;
  const over = new Promise<void>((r) => settle = r);
  const stats: StreamStats = { events: 0, resumes: 1, completed: false, lastSpot: "b" };
  const state = { cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    start: (c) => void (ctl = c),
    cancel: () => {
      state.cancelled = true;
      settle();
    },
  });
  const attempts = new Attempts(new FakeRouter(["a"]), [], Infinity);
  const opened: OpenedClientStream = {
    spot: "a",
    attempts,
    body,
    stats,
    done: over.then(() => stats),
    terminate: () => {},
  };
  return {
    opened,
    state,
    push: (text: string) => ctl.enqueue(enc.encode(text)),
    finish: (completed: boolean) => {
      stats.completed = completed;
      ctl.close();
      settle();
    },
  };
}

/** Reads a body to its end as text. */
export async function bodyText(body: ReadableStream<Uint8Array>): Promise<string> {
  return await new Response(body).text();
}
