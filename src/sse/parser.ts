import type { SseEvent } from "./event.ts";

/** What the parser yields: an event, or a comment (so a relay can see keep-alives arrive). */
export type SseChunk = { kind: "event"; event: SseEvent } | { kind: "comment"; text: string };

/**
 * The SSE "event stream interpretation" of the WHATWG spec as a pure state machine: feed it
 * decoded text in pieces of any size, get the complete chunks. Lines end in CRLF, LF or CR; a
 * blank line dispatches; `:` starts a comment; one optional space after the colon is
 * stripped; an event with no data is not dispatched; an id containing NUL is ignored.
 */
export class SseParser {
  #buffer = "";
  #pendingCr = false;
  #ev: { event?: string; id?: string; data: string[] } = { data: [] };

  /** Feeds the next piece of text; returns the chunks it completed. */
  push(text: string): SseChunk[] {
    // A CR at the end of the previous piece may be the first half of a CRLF.
    if (this.#pendingCr && text.startsWith("\n")) text = text.slice(1);
    this.#pendingCr = false;
    this.#buffer += text;
    const lines = this.#buffer.split(/\r\n|\r|\n/);
    this.#buffer = lines.pop() ?? "";
    if (this.#buffer === "" && text.endsWith("\r")) this.#pendingCr = true;
    const out: SseChunk[] = [];
    for (const line of lines) this.#line(line, out);
    return out;
  }

  #line(line: string, out: SseChunk[]): void {
    const ev = this.#ev;
    if (line === "") {
      if (ev.data.length > 0) {
        const event: SseEvent = { data: ev.data.join("\n") };
        if (ev.event !== undefined) event.event = ev.event;
        if (ev.id !== undefined) event.id = ev.id;
        out.push({ kind: "event", event });
      }
      this.#ev = { data: [] };
      return;
    }
    const colon = line.indexOf(":");
    if (colon === 0) return void out.push({ kind: "comment", text: line.slice(1).trimStart() });
    const name = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (name === "data") ev.data.push(value);
    else if (name === "event") ev.event = value;
    else if (name === "id" && !value.includes("\0")) ev.id = value;
  }
}
