/**
 * Wraps a response body so that `onDone` runs once when it ends: read to the end, failed, or
 * cancelled (the client went away). `next()` returns before a streamed body is sent, so this
 * is where a streaming response gives its slot back.
 */
export function releasing(
  body: ReadableStream<Uint8Array>,
  onDone: () => void,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let done = false;
  const finish = () => {
    if (!done) (done = true, onDone());
  };
  return new ReadableStream<Uint8Array>({
    async pull(ctrl) {
      try {
        const r = await reader.read();
        if (r.done) (ctrl.close(), finish());
        else ctrl.enqueue(r.value);
      } catch (e) {
        finish();
        ctrl.error(e);
      }
    },
    async cancel(reason) {
      finish();
      await reader.cancel(reason);
    },
  });
}
