import assert from "node:assert/strict";
import { parseLastEventId } from "../../../src/sse/last-event-id.ts";
import { ResumeLedger } from "../../../src/sse/resume.ts";

Deno.test("Last-Event-ID: result is finished, depth.multipv resumes, anything else is fresh", () => {
  assert.deepEqual(parseLastEventId("result"), { kind: "finished" });
  assert.deepEqual(parseLastEventId(" 6.1 "), { kind: "resume", after: { depth: 6, multipv: 1 } });
  for (const v of [undefined, null, "", "garbage", "6", "6.1.2", "0.1", "6.0", "-1.1", "9999.1"]) {
    assert.deepEqual(parseLastEventId(v), { kind: "fresh" }, String(v));
  }
});

Deno.test("ResumeLedger.seed: the client has every index up to multipv at depth, later ones one less", () => {
  const ledger = new ResumeLedger();
  ledger.seed({ depth: 6, multipv: 1 }, 3);
  assert.deepEqual(ledger.delivered().depths, { 1: 6, 2: 5, 3: 5 });
  const info = (id: string) => ({ event: "info", id, data: "{}" });
  assert.equal(ledger.accept(info("6.1")), false);
  assert.equal(ledger.accept(info("6.2")), true);
  assert.equal(ledger.accept(info("7.1")), true);
  const first = new ResumeLedger();
  first.seed({ depth: 1, multipv: 1 }, 2);
  assert.deepEqual(first.delivered().depths, { 1: 1 }, "depth 0 is not recorded");
});
