import type { SseEvent } from "./event.ts";

/** What the parser yields: an event, or a comment (so a relay can see keep-alives arrive). */
export type SseChunk = { kind: "event"; event: SseEvent } | { kind: "comment"; text: string };

/**
 * A TransformStream from decoded text to SSE chunks, after the WHATWG "event stream
 * interpretation": lines end in CRLF, LF or CR; a blank line dispatches; `:` starts a comment;
 * one optional space after the colon is stripped; an event with no data is not dispatched.
 */
export class SseParseStream extends TransformStream<string, SseChunk> {
  constructor() {
    let buffer = "";
    let pendingCr = false;
    let ev: { event?: string; id?: string; data: string[] } = { data: [] };
    const onLine = (line: string, out: TransformStreamDefaultController<SseChunk>) => {
      if (line === "") {
        if (ev.data.length > 0) {
          const event: SseEvent = { data: ev.data.join("\n") };
          if (ev.event !== undefined) event.event = ev.event;
          if (ev.id !== undefined) event.id = ev.id;
          out.enqueue({ kind: "event", event });
        }
        ev = { data: [] };
        return;
      }
      const colon = line.indexOf(":");
      if (colon === 0) return out.enqueue({ kind: "comment", text: line.slice(1).trimStart() });
      const name = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? "" : line.slice(colon + 1);
      if (value.startsWith(" ")) value = value.slice(1);
      if (name === "data") ev.data.push(value);
      else if (name === "event") ev.event = value;
      else if (name === "id" && !value.includes("\0")) ev.id = value;
    };
    super({
      transform(chunk, out) {
        // A CR at the end of the previous chunk may be the first half of a CRLF.
        if (pendingCr && chunk.startsWith("\n")) chunk = chunk.slice(1);
        pendingCr = false;
        buffer += chunk;
        const parts = buffer.split(/\r\n|\r|\n/);
        buffer = parts.pop() ?? "";
        if (buffer === "" && chunk.endsWith("\r")) pendingCr = true;
        for (const line of parts) onLine(line, out);
      },
    });
  }
}

/** Parses a byte stream of SSE into chunks. */
export function parseSse(body: ReadableStream<Uint8Array>): ReadableStream<SseChunk> {
  return body.pipeThrough(new TextDecoderStream()).pipeThrough(new SseParseStream());
}
