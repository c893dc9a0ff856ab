/**
 * Timeouts that match the work: a deep search past its deadline is no verdict on a spot
 * that still answers its checks, and a JSON request has one overall deadline.
 */
import assert from "node:assert/strict";
import { type Server, setFault, START, startFaultSpot, startGateway } from "../helpers/cluster.ts";

async function withPair(
  env: Record<string, string>,
  fn: (gw: Server, a: Server, b: Server) => Promise<void>,
): Promise<void> {
  const a = await startFaultSpot(), b = await startFaultSpot();
  const gw = await startGateway({ a, b }, env);
  try {
    await fn(gw, a, b);
  } finally {
    await gw.stop();
    await a.stop();
    await b.stop();
  }
}

const analyze = (gw: Server) =>
  fetch(`${gw.url}/analyze`, {
    method: "POST",
    body: JSON.stringify({ fen: START, depth: 30, multipv: 1 }),
  });

Deno.test("deadline: deep searches past the request timeout never take a spot down", async () => {
  await withPair({ SPOT_REQUEST_TIMEOUT: "1" }, async (gw, a, b) => {
    // Every spot needs 3 s for this search and answers its health checks meanwhile.
    await setFault(a, "ok", 0, 3000);
    await setFault(b, "ok", 0, 3000);
    for (let i = 0; i < 4; i++) {
      const res = await analyze(gw);
      const body = await res.json();
      assert.equal(res.status, 504, JSON.stringify(body));
      assert.equal(body.error.code, "upstream_timeout");
      assert.match(body.error.message, /did not finish in time/);
      assert.equal(res.headers.get("x-engine-attempts"), null);
    }
    const healthz = await (await fetch(`${gw.url}/healthz`)).json();
    for (const s of healthz.spots) {
      assert.equal(s.status, "healthy", `${s.id} is ${s.status}`);
      assert.equal(s.circuit, "closed");
    }
  });
});

Deno.test("deadline: a JSON request ends by REQUEST_DEADLINE, whatever the attempts", async () => {
  await withPair({ SPOT_REQUEST_TIMEOUT: "5", REQUEST_DEADLINE: "2" }, async (gw, a, b) => {
    await setFault(a, "hang");
    await setFault(b, "hang");
    const started = performance.now();
    const res = await analyze(gw);
    const body = await res.json();
    const seconds = (performance.now() - started) / 1000;
    assert.equal(res.status, 504, JSON.stringify(body));
    assert.ok(seconds < 4.5, `answered after ${seconds.toFixed(1)} s, not 2 × 5 s`);
  });
});
