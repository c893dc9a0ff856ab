import assert from "node:assert/strict";
import { ResumeLedger } from "../../../src/sse/resume.ts";

const info = (id: string) => ({ event: "info", id, data: "{}" });

Deno.test("ResumeLedger forwards only depths above what each multipv index already has", () => {
  const l = new ResumeLedger();
  for (const id of ["1.1", "1.2", "2.1", "2.2", "3.1"]) assert.ok(l.accept(info(id)), id);
  // The spot died after 3.1; the next spot re-runs from depth 1.
  const replay = ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "4.1", "4.2"];
  assert.deepEqual(replay.filter((id) => l.accept(info(id))), ["3.2", "4.1", "4.2"]);
  assert.deepEqual(l.delivered(), { depths: { 1: 4, 2: 4 }, result: false });
});

Deno.test("ResumeLedger: one result; unplaceable info dropped; other events once per id", () => {
  const l = new ResumeLedger();
  assert.equal(l.accept(info("bogus")), false);
  assert.equal(l.accept({ event: "info", data: "{}" }), false);
  assert.ok(l.accept({ event: "note", id: "n1", data: "x" }));
  assert.equal(l.accept({ event: "note", id: "n1", data: "x" }), false);
  assert.ok(l.accept({ event: "note", data: "no id" }));
  assert.ok(l.accept({ event: "result", id: "result", data: "{}" }));
  assert.equal(l.accept({ event: "result", id: "result", data: "{}" }), false);
  assert.equal(l.delivered().result, true);
});
