import type { SseEvent } from "./event.ts";

const INFO_ID = /^(\d+)\.(\d+)$/;

/**
 * Mid-stream failover bookkeeping. `info` events carry `id: <depth>.<multipv>`; after a spot
 * fails, the same search re-runs on another spot and only what the client lacks is forwarded:
 * per multipv index, depths strictly above the deepest already delivered. `result` goes once.
 */
export class ResumeLedger {
  #deepest = new Map<number, number>();
  #resultSent = false;
  #otherIds = new Set<string>();

  /**
   * Seeds the ledger from a reconnecting client's last event: per multipv index, events come
   * in order depth by depth (1.1, 1.2, 2.1, …), so the client has every index up to
   * `multipv` at `depth`, and the later indexes at `depth - 1`.
   */
  seed(after: { depth: number; multipv: number }, multipvs: number): void {
    for (let m = 1; m <= multipvs; m++) {
      const depth = m <= after.multipv ? after.depth : after.depth - 1;
      if (depth > 0) this.#deepest.set(m, depth);
    }
  }

  /** Whether to forward `ev` to the client; a forwarded event is recorded as delivered. */
  accept(ev: SseEvent): boolean {
    if (ev.event === "result") return this.acceptResult();
    if (ev.event === "info") {
      const m = INFO_ID.exec(ev.id ?? "");
      return m ? this.acceptInfo(Number(m[1]), Number(m[2])) : false;
    }
    // Any other event: forward once per id (or always, when it has none to dedupe by).
    if (ev.id === undefined) return true;
    if (this.#otherIds.has(ev.id)) return false;
    this.#otherIds.add(ev.id);
    return true;
  }

  /**
   * Whether to forward an `info` event at `depth` for `multipv` (read from its id as numbers by
   * the byte relay); one we cannot place (-1) could be a duplicate: dropped.
   */
  acceptInfo(depth: number, multipv: number): boolean {
    if (depth < 0 || multipv < 0) return false;
    if (depth <= (this.#deepest.get(multipv) ?? 0)) return false;
    this.#deepest.set(multipv, depth);
    return true;
  }

  /** Whether to forward the `result` event: once. */
  acceptResult(): boolean {
    if (this.#resultSent) return false;
    this.#resultSent = true;
    return true;
  }

  /** The deepest depth delivered per multipv index, and whether the result went out. */
  delivered(): { depths: Record<number, number>; result: boolean } {
    return { depths: Object.fromEntries(this.#deepest), result: this.#resultSent };
  }
}
