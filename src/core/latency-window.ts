/** A bounded ring of recent latencies (ms) for the admin API's average and percentiles. */
export class LatencyWindow {
  #samples: number[] = [];
  #next = 0;
  constructor(private readonly size: number) {}

  /** Adds one sample, replacing the oldest once full. */
  add(ms: number): void {
    if (this.#samples.length < this.size) this.#samples.push(ms);
    else this.#samples[this.#next] = ms;
    this.#next = (this.#next + 1) % this.size;
  }

  /** Mean and nearest-rank p50/p95/p99 of the window; nulls when it is empty. */
  summary(): { avg: number | null; p50: number | null; p95: number | null; p99: number | null } {
    const n = this.#samples.length;
    if (n === 0) return { avg: null, p50: null, p95: null, p99: null };
    const sorted = [...this.#samples].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(n - 1, Math.ceil(q * n) - 1)]!;
    const avg = sorted.reduce((a, b) => a + b, 0) / n;
    return { avg, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
  }
}
