import assert from "node:assert/strict";
import { hitStream } from "../../../src/cache/hit-stream.ts";
import { errorOf, lastOutcomeEvent, resultOf } from "../../../src/cache/hub-result.ts";
import { encodeComment, encodeEvent } from "../../../src/sse/format.ts";
import { SseParser } from "../../../src/sse/parser.ts";
import { result } from "./fixtures.ts";

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const events = (b: Uint8Array) =>
  new SseParser().push(text(b)).flatMap((c) => (c.kind === "event" ? [c.event] : []));

Deno.test("hitStream: retry first, one info per line (depth.multipv), then the result", () => {
  const body = hitStream(result(14, 3), { kind: "fresh" });
  assert.match(text(body), /^retry: \d+\n\n/);
  const evs = events(body);
  assert.deepEqual(evs.map((e) => e.id), ["14.1", "14.2", "14.3", "result"]);
  assert.equal(JSON.parse(evs[3]!.data).depth, 14);
});

Deno.test("hitStream: a reconnect after depth.multipv gets only what it lacks", () => {
  const after14 = hitStream(result(14, 3), { kind: "resume", after: { depth: 14, multipv: 2 } });
  assert.deepEqual(events(after14).map((e) => e.id), ["14.3", "result"]);
  const after9 = hitStream(result(14, 3), { kind: "resume", after: { depth: 9, multipv: 1 } });
  assert.deepEqual(events(after9).map((e) => e.id), ["14.1", "14.2", "14.3", "result"]);
});

Deno.test("resultOf/errorOf: the last result or error of a stream's bytes", () => {
  const r = result(6, 1);
  const log = [
    encodeComment("spotgate"),
    encodeEvent({ event: "info", id: "6.1", data: JSON.stringify(r.lines[0]) }),
    encodeEvent({ event: "result", id: "result", data: JSON.stringify(r) }),
  ];
  assert.deepEqual(resultOf(log), r);
  assert.equal(resultOf(log.slice(0, 2)), undefined);
  assert.equal(lastOutcomeEvent([]), undefined);
  const whole = new TextEncoder().encode(new TextDecoder().decode(log[2]));
  const split = [whole.slice(0, 5), whole.slice(5)];
  assert.deepEqual(resultOf(split), r, "an event split across chunks is found");
  const bad = [encodeEvent({ event: "result", data: "{not json" })];
  assert.equal(resultOf(bad), undefined);
  const error = { code: "upstream_timeout", message: "No spot answered in time", hint: "h" };
  const failed = [
    ...log.slice(0, 2),
    encodeEvent({ event: "error", data: JSON.stringify({ error }) }),
  ];
  const e = errorOf(failed);
  assert.equal(e.code, "upstream_timeout");
  assert.equal(e.status, 504);
  assert.equal(errorOf(log.slice(0, 2)).code, "no_spot_available");
  assert.equal(errorOf([encodeEvent({ event: "error", data: "{" })]).code, "no_spot_available");
});
