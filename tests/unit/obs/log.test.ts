import assert from "node:assert/strict";
import { Logger } from "../../../src/obs/log.ts";
import { classifyFetchError, classifyStatus } from "../../../src/upstream/fetch-outcome.ts";

Deno.test("logger: one JSON object per line with time, level, msg and bound fields; threshold", () => {
  const lines: string[] = [];
  const log = new Logger("info", { service: "t" }, (l) => lines.push(l)).child({
    correlation_id: "c1",
  });
  log.debug("hidden");
  log.info("hello", { n: 1 });
  log.warn("careful");
  log.error("bad");
  assert.equal(lines.length, 3);
  const first = JSON.parse(lines[0]!);
  assert.equal(first.level, "info");
  assert.equal(first.msg, "hello");
  assert.equal(first.correlation_id, "c1");
  assert.equal(first.service, "t");
  assert.equal(first.n, 1);
  assert.ok(!Number.isNaN(Date.parse(first.time)));
  const all: string[] = [];
  new Logger("debug", {}, (l) => all.push(l)).debug("shown");
  assert.equal(all.length, 1);
});

Deno.test("fetch outcomes are classified once; and never blamed on a spot when the client left", () => {
  const live = new AbortController().signal;
  assert.deepEqual(classifyFetchError(new TypeError("refused"), live), { kind: "connect_error" });
  assert.deepEqual(classifyFetchError(new DOMException("t", "TimeoutError"), live), {
    kind: "timeout",
  });
  assert.deepEqual(classifyFetchError(new Error("x"), AbortSignal.abort()), { kind: "aborted" });
  assert.deepEqual(classifyStatus(503), { kind: "http_5xx", status: 503 });
  assert.deepEqual(classifyStatus(404), { kind: "http_4xx", status: 404 });
  assert.deepEqual(classifyStatus(302), { kind: "invalid" });
});

Deno.test("logger: a line is one valid JSON object whatever its fields; a call's field wins", () => {
  const lines: string[] = [];
  const log = new Logger("info", {}, (l) => lines.push(l)).child({ correlation_id: "c1" });
  log.info('quote " and \\n newline', { correlation_id: "c2", skipped: undefined, list: [1] });
  log.info("no fields");
  log.info("empty", {});
  new Logger("info", {}, (l) => lines.push(l)).info("unbound", { n: 2 });
  const parsed = lines.map((l) => JSON.parse(l));
  assert.equal(parsed[0].msg, 'quote " and \\n newline');
  assert.equal(parsed[0].correlation_id, "c2");
  assert.ok(!("skipped" in parsed[0]));
  assert.deepEqual(parsed[0].list, [1]);
  assert.deepEqual(Object.keys(parsed[1]), ["time", "level", "msg", "correlation_id"]);
  assert.deepEqual(Object.keys(parsed[2]), ["time", "level", "msg", "correlation_id"]);
  assert.deepEqual(Object.keys(parsed[3]), ["time", "level", "msg", "n"]);
});
