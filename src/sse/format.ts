import type { SseEvent } from "./event.ts";

const encoder = new TextEncoder();

// A CR or LF inside `event`/`id` would start a new field and let a value forge events.
function field(name: string, value: string): string {
  if (/[\r\n]/.test(value)) throw new Error(`Cannot format SSE: ${name} contains a line break`);
  return `${name}: ${value}\n`;
}

/** Formats an event to its wire text; multi-line data becomes several `data:` lines. */
export function formatEvent(ev: SseEvent): string {
  let out = "";
  if (ev.event) out += field("event", ev.event);
  if (ev.id !== undefined) out += field("id", ev.id);
  for (const line of ev.data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return out + "\n";
}

/** Formats a comment line (`: text`), used as a keep-alive that no client treats as an event. */
export function formatComment(text: string): string {
  return `: ${text.replace(/[\r\n]/g, " ")}\n\n`;
}

/** The reconnection delay for the client (`retry: ms`), in a block of its own: no event. */
export function encodeRetry(ms: number): Uint8Array {
  return encoder.encode(`retry: ${Math.max(0, Math.round(ms))}\n\n`);
}

/** The bytes of `formatEvent`. */
export function encodeEvent(ev: SseEvent): Uint8Array {
  return encoder.encode(formatEvent(ev));
}

/** The bytes of `formatComment`. */
export function encodeComment(text: string): Uint8Array {
  return encoder.encode(formatComment(text));
}

/** Blocks joined into one buffer: what goes out together costs one write, not one each. */
export function joinBlocks(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** The response headers of every event stream (docs/design.md §2). */
export const SSE_HEADERS: Record<string, string> = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache",
  "X-Accel-Buffering": "no",
};
