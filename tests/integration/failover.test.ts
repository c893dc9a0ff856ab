import assert from "node:assert/strict";
import { freePort } from "../helpers/procs.ts";
import {
  checkSequence,
  faultStats,
  readEvents,
  type Server,
  setFault,
  START,
  startFaultSpot,
  startGateway,
  streamUrl,
} from "../helpers/cluster.ts";

// These tests are about routing each request: the position cache (on by default) would answer
// the repeated positions itself, so it is off here (tests/integration/cache*.test.ts cover it).
const NO_CACHE = { CACHE: "off" };

const DEPTH = 6, MULTIPV = 2;

function expectedIds(): string[] {
  const ids: string[] = [];
  for (let d = 1; d <= DEPTH; d++) for (let m = 1; m <= MULTIPV; m++) ids.push(`${d}.${m}`);
  return [...ids, "result"];
}

/** A gateway whose first choice is always spot "a" (priority 200) and fallback "b". */
async function withPair(
  fn: (gw: Server, a: Server, b: Server) => Promise<void>,
  env: Record<string, string> = {},
): Promise<void> {
  const a = await startFaultSpot(), b = await startFaultSpot();
  const gw = await startGateway({}, {
    ...NO_CACHE,
    ENGINE_SPOTS: JSON.stringify([
      { id: "a", url: a.url, priority: 200 },
      { id: "b", url: b.url, priority: 100 },
    ]),
    ...env,
  });
  try {
    await fn(gw, a, b);
  } finally {
    await gw.stop();
    await a.stop();
    await b.stop();
  }
}

for (const fault of ["stall", "close", "error"]) {
  Deno.test(`failover: a spot that fails mid-stream (${fault}) is resumed on the other, no gap, no duplicate`, async () => {
    await withPair(async (gw, a, b) => {
      await setFault(a, fault, 3);
      const res = await fetch(streamUrl(gw.url, START, DEPTH, MULTIPV));
      assert.equal(res.status, 200);
      assert.equal(res.headers.get("x-engine-spot"), "a");
      const events = await readEvents(res);
      assert.deepEqual(checkSequence(events), []);
      assert.deepEqual(events.map((e) => e.id), expectedIds());
      assert.equal((await faultStats(b)).stream, 1, "the search was re-run on b");
      const metrics = await (await fetch(`${gw.url}/metrics`)).text();
      assert.match(metrics, /spotgate_stream_resumes_total 1/);
    });
  });
}

for (const fault of ["500", "hang", "garbage"]) {
  Deno.test(`failover: a spot that fails before the first byte (${fault}) is retried on the other`, async () => {
    await withPair(async (gw, a) => {
      await setFault(a, fault);
      const res = await fetch(streamUrl(gw.url, START, DEPTH, MULTIPV));
      assert.equal(res.status, 200);
      assert.equal(res.headers.get("x-engine-spot"), "b");
      assert.equal(res.headers.get("x-engine-attempts"), "2");
      assert.deepEqual((await readEvents(res)).map((e) => e.id), expectedIds());
      const post = await fetch(`${gw.url}/analyze`, {
        method: "POST",
        body: JSON.stringify({ fen: START, depth: 3, multipv: 1 }),
      });
      assert.equal(post.status, 200);
      assert.equal(post.headers.get("x-engine-spot"), "b");
      assert.equal((await post.json()).bestmove, "e2e4");
    }, { SPOT_REQUEST_TIMEOUT: "1" });
  });
}

Deno.test("failover: a refused connection goes to the other spot", async () => {
  const b = await startFaultSpot();
  const gw = await startGateway({}, {
    ...NO_CACHE,
    ENGINE_SPOTS: JSON.stringify([
      { id: "a", url: `http://127.0.0.1:${freePort()}`, priority: 200 },
      { id: "b", url: b.url },
    ]),
  });
  try {
    const res = await fetch(streamUrl(gw.url, START, DEPTH, MULTIPV));
    assert.equal(res.headers.get("x-engine-spot"), "b");
    assert.deepEqual((await readEvents(res)).map((e) => e.id), expectedIds());
  } finally {
    await gw.stop();
    await b.stop();
  }
});

Deno.test("failover: every spot down → 503 no_spot_available with Retry-After in under a second", async () => {
  const dead = () => `http://127.0.0.1:${freePort()}`;
  const gw = await startGateway({}, {
    ...NO_CACHE,
    ENGINE_SPOTS: JSON.stringify([{ id: "a", url: dead() }, { id: "b", url: dead() }]),
  });
  try {
    for (const path of ["stream", "post"]) {
      const started = performance.now();
      const res = path === "stream"
        ? await fetch(streamUrl(gw.url, START, 5))
        : await fetch(`${gw.url}/analyze`, {
          method: "POST",
          body: JSON.stringify({ fen: START }),
        });
      const ms = performance.now() - started;
      const body = await res.json();
      assert.equal(res.status, 503);
      assert.equal(body.error.code, "no_spot_available");
      assert.ok(res.headers.get("retry-after"));
      assert.ok(body.correlation_id);
      assert.doesNotMatch(JSON.stringify(body), /127\.0\.0\.1/, "no spot address in an answer");
      assert.ok(ms < 1000, `answered in ${ms} ms`);
    }
  } finally {
    await gw.stop();
  }
});

Deno.test("failover: a recovered spot gets traffic again", async () => {
  await withPair(async (gw, a) => {
    await setFault(a, "500");
    const waitFor = async (status: string) => {
      for (let i = 0; i < 100; i++) {
        const h = await (await fetch(`${gw.url}/healthz`)).json();
        if (h.spots.find((s: { id: string }) => s.id === "a").status === status) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`spot a never became ${status}`);
    };
    await waitFor("down");
    const during = await fetch(streamUrl(gw.url, START, 2));
    assert.equal(during.headers.get("x-engine-spot"), "b");
    await readEvents(during);
    await setFault(a, "ok");
    await waitFor("healthy");
    const after = await fetch(streamUrl(gw.url, START, 2));
    assert.equal(after.headers.get("x-engine-spot"), "a");
    await readEvents(after);
  });
});

Deno.test("failover: a 4xx from a spot is relayed in the gateway's shape, never retried", async () => {
  await withPair(async (gw, a, b) => {
    await setFault(a, "400");
    const post = await fetch(`${gw.url}/analyze`, {
      method: "POST",
      body: JSON.stringify({ fen: START, depth: 3, multipv: 1 }),
    });
    assert.equal(post.status, 400);
    assert.equal(post.headers.get("x-engine-spot"), "a");
    const body = await post.json();
    assert.match(
      body.error.message,
      /refused the request as invalid: this spot refuses the request/,
    );
    assert.equal(body.error.code, "invalid_request");
    assert.equal(
      body.correlation_id,
      post.headers.get("x-correlation-id"),
      "the gateway's envelope",
    );
    const stream = await fetch(streamUrl(gw.url, START, 3));
    assert.equal(stream.status, 400);
    await stream.body?.cancel();
    const stats = await faultStats(b);
    assert.equal(stats.analyze + stats.stream, 0, "b was never asked");
  });
});
