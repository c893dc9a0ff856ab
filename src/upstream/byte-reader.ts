/** Bytes of the one buffer each upstream stream reads into (events are far smaller). */
export const READ_BUFFER_BYTES = 8 * 1024;

/** Reads a body's chunks; a chunk is valid only until the next `read()`. */
export interface ChunkReader {
  read(): Promise<ReadableStreamReadResult<Uint8Array>>;
  cancel(reason?: unknown): Promise<void>;
}

/**
 * Reads a spot's stream into one buffer of READ_BUFFER_BYTES, used again for every read. A
 * default reader of a fetch body allocates a fresh 64 KiB buffer for each chunk — one per
 * event, since a spot flushes each event — and that garbage cost a third of a stream's CPU
 * and much of the gateway's RSS under streams (docs/benchmark.md). The chunk returned
 * is a view of that buffer: whatever must outlive the next read is copied (the relay copies
 * what it forwards, the scanner the partial block it keeps). A body that is not a byte stream
 * is read with a default reader.
 */
export function chunkReader(body: ReadableStream<Uint8Array>): ChunkReader {
  let byob: ReadableStreamBYOBReader;
  try {
    byob = body.getReader({ mode: "byob" });
  } catch {
    return body.getReader();
  }
  let buffer: ArrayBufferLike = new ArrayBuffer(READ_BUFFER_BYTES);
  return {
    async read() {
      const r = await byob.read(new Uint8Array(buffer as ArrayBuffer));
      // The read transferred the buffer into the result; it comes back for the next read.
      if (r.value) buffer = r.value.buffer;
      return r as ReadableStreamReadResult<Uint8Array>;
    },
    cancel: (reason) => byob.cancel(reason),
  };
}
