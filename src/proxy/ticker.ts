/** How often the shared ticker runs: well under the shortest keep-alive period (1 s). */
export const TICK_MS = 250;

const members = new Set<(now: number) => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  const now = performance.now();
  for (const fn of members) fn(now);
}

/**
 * Joins the one coarse ticker shared by every open stream, instead of a timer per stream;
 * it runs only while someone listens. Dispose the handle to leave.
 */
export function onTick(fn: (now: number) => void): Disposable {
  members.add(fn);
  timer ??= setInterval(tick, TICK_MS);
  return {
    [Symbol.dispose]() {
      members.delete(fn);
      if (members.size > 0 || timer === undefined) return;
      clearInterval(timer);
      timer = undefined;
    },
  };
}
