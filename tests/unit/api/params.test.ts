import assert from "node:assert/strict";
import { Hono } from "hono";
import { parseAnalysisParams } from "../../../src/api/params.ts";
import { readJsonObject } from "../../../src/api/body.ts";
import { GatewayError } from "../../../src/errors/gateway-error.ts";
import { renderError } from "../../../src/errors/render.ts";

const START = "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1";

function rejects(raw: Record<string, unknown>, code: string, reason: RegExp): void {
  assert.throws(() => parseAnalysisParams(raw), (err: unknown) => {
    assert.ok(err instanceof GatewayError);
    assert.equal(err.code, code);
    assert.match(err.message, reason);
    return true;
  });
}

Deno.test("parseAnalysisParams applies defaults and accepts query strings", () => {
  assert.deepEqual(parseAnalysisParams({ fen: START }), { fen: START, depth: 15, multipv: 3 });
  assert.deepEqual(parseAnalysisParams({ fen: START, depth: "10", multipv: "2" }), {
    fen: START,
    depth: 10,
    multipv: 2,
  });
  assert.deepEqual(parseAnalysisParams({ fen: START, depth: 40 }, { maxDepth: 40 }).depth, 40);
});

Deno.test("parseAnalysisParams rejects bad depth, multipv and fen", () => {
  rejects({}, "invalid_request", /fen is required/);
  rejects({ fen: 42 }, "invalid_request", /fen must be a string/);
  rejects({ fen: START, depth: 0 }, "invalid_request", /depth must be an integer between 1 and 30/);
  rejects({ fen: START, depth: 31 }, "invalid_request", /received 31/);
  rejects({ fen: START, depth: 2.5 }, "invalid_request", /depth must be an integer/);
  rejects({ fen: START, depth: "ten" }, "invalid_request", /depth must be an integer/);
  rejects({ fen: START, multipv: 6 }, "invalid_request", /multipv must be an integer between 1/);
  rejects({ fen: "8/8/8/8/8/8/8/8 w - - 0 1" }, "invalid_fen", /exactly one king|empty/);
});

function app(): Hono {
  const a = new Hono();
  a.onError(renderError);
  a.post("/echo", async (c) => c.json(await readJsonObject(c, 64)));
  return a;
}

Deno.test("a body over the limit answers 413 payload_too_large, declared or streamed", async () => {
  const res = await app().request("/echo", {
    method: "POST",
    body: JSON.stringify({ fen: "x".repeat(200) }),
    headers: { "content-type": "application/json" },
  });
  assert.equal(res.status, 413);
  const body = await res.json();
  assert.equal(body.error.code, "payload_too_large");
  assert.ok("correlation_id" in body);
  const declared = await app().request("/echo", {
    method: "POST",
    body: "{}",
    headers: { "content-length": "100000" },
  });
  assert.equal(declared.status, 413, "refused by the declared length before reading");
  const chunks = ReadableStream.from([
    new TextEncoder().encode('{"a":"'),
    new Uint8Array(100).fill(97),
  ]);
  const streamed = await app().request(
    "/echo",
    { method: "POST", body: chunks, duplex: "half" } as RequestInit,
  );
  assert.equal(streamed.status, 413, "refused while reading an undeclared body");
});

Deno.test("readJsonObject refuses malformed JSON and non-objects", async () => {
  for (const [body, reason] of [["{", /not valid JSON/], ["[1]", /must be a JSON object/]]) {
    const res = await app().request("/echo", { method: "POST", body: body as string });
    assert.equal(res.status, 400);
    const json = await res.json();
    assert.equal(json.error.code, "invalid_request");
    assert.match(json.error.message, reason as RegExp);
  }
  const ok = await app().request("/echo", { method: "POST", body: '{"a":1}' });
  assert.deepEqual(await ok.json(), { a: 1 });
});
