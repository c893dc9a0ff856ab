import { type SseChunk, SseParser } from "./parser.ts";

export type { SseChunk } from "./parser.ts";

/**
 * Parses a byte stream of SSE into chunks, read on demand. One stream layer over the body's
 * reader, not `pipeThrough(TextDecoderStream).pipeThrough(parser)`: every pipe stage is a
 * queue and several promise hops per chunk, and this sits between a spot's first event and
 * the client's (the benchmark's time-to-first-event). A broken body errors the stream.
 */
export function parseSse(body: ReadableStream<Uint8Array>): ReadableStream<SseChunk> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  return new ReadableStream<SseChunk>({
    async pull(ctl) {
      while (true) {
        const r = await reader.read();
        const chunks = parser.push(decoder.decode(r.value, { stream: !r.done }));
        for (const chunk of chunks) ctl.enqueue(chunk);
        if (r.done) return ctl.close();
        if (chunks.length > 0) return;
      }
    },
    cancel: (reason) => reader.cancel(reason),
  }, { highWaterMark: 0 });
}
