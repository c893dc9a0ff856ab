import { BlockType, readField } from "./block-fields.ts";

export { BlockType } from "./block-fields.ts";

const LF = 10, CR = 13;
const EMPTY = new Uint8Array(0);

/**
 * Finds SSE blocks (an event or comments, up to and including the blank line that ends it) in
 * a byte stream, without decoding text or building objects per event: the relay forwards the
 * spot's bytes as they came and only reads what it must — the block's type (`event:`) and, for
 * `info`, the `id: <depth>.<multipv>` as two numbers. Lines end in LF, CRLF or CR (WHATWG SSE).
 * A block cut by a chunk boundary is kept until its end arrives (copied once), then rescanned.
 *
 *   scanner.feed(chunk);
 *   while (scanner.next()) use(scanner.buffer.subarray(scanner.start, scanner.end), scanner.type)
 *   scanner.keepPending(); // before the chunk's memory is read into again
 */
export class SseBlockScanner {
  /** The bytes being scanned: the kept partial block, if any, followed by the last chunk. */
  buffer: Uint8Array = new Uint8Array(0);
  /** The current block: its byte range in `buffer`, its type, and an info event's id. */
  start = 0;
  end = 0;
  type: BlockType = BlockType.None;
  hasData = false;
  depth = -1;
  multipv = -1;
  /** For other events: where the `id:` value and the `event:` name lie in `buffer` (-1: none). */
  idStart = -1;
  idEnd = -1;
  #at = 0;

  /** Takes the next chunk; scanning restarts at the kept partial block, if there was one. */
  feed(chunk: Uint8Array): void {
    const kept = this.buffer.subarray(this.#at);
    if (kept.length === 0) this.buffer = chunk;
    else {
      const joined = new Uint8Array(kept.length + chunk.length);
      joined.set(kept);
      joined.set(chunk, kept.length);
      this.buffer = joined;
    }
    this.#at = 0;
  }

  /**
   * Copies the incomplete block at the end of the buffer out of the last chunk, which the
   * upstream reader reads into again (upstream/byte-reader.ts), detaching it. Offsets into the
   * old buffer are void afterwards.
   */
  keepPending(): void {
    this.buffer = this.pending === 0 ? EMPTY : this.buffer.slice(this.#at);
    this.#at = 0;
  }

  /** Bytes of an incomplete block at the end of the buffer, waiting for their end. */
  get pending(): number {
    return this.buffer.length - this.#at;
  }

  /** Advances to the next complete block; false when only a partial one (or none) is left. */
  next(): boolean {
    const buf = this.buffer;
    let line = this.#at;
    this.type = BlockType.None;
    this.hasData = false;
    this.depth = -1;
    this.multipv = -1;
    this.idStart = -1;
    this.idEnd = -1;
    while (line < buf.length) {
      let eol = line;
      while (eol < buf.length && buf[eol] !== LF && buf[eol] !== CR) eol++;
      // The line's end has not arrived yet; a CR last may be the first half of a CRLF.
      if (eol >= buf.length || (buf[eol] === CR && eol + 1 >= buf.length)) return false;
      const after = buf[eol] === CR && buf[eol + 1] === LF ? eol + 2 : eol + 1;
      if (eol === line) { // a blank line ends the block (a lone one is a block of its own)
        this.start = this.#at;
        this.end = after;
        this.#at = after;
        // No data, no event (comments, or a lone `event:`); data without a type is `Other`.
        if (!this.hasData) this.type = BlockType.None;
        else if (this.type === BlockType.None) this.type = BlockType.Other;
        return true;
      }
      readField(this, buf, line, eol);
      line = after;
    }
    return false;
  }
}
