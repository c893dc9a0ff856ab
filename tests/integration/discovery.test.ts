import assert from "node:assert/strict";
import { faultStats, type Server, startFaultSpot, startGateway } from "../helpers/cluster.ts";
import { freePort, waitForOk } from "../helpers/procs.ts";
import { startDnsServer } from "../fixtures/dns-server.ts";
import { START } from "../helpers/cluster.ts";

async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  gw: Server,
): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}\n${gw.proc.output()}`);
}

const analyze = (gw: Server) =>
  fetch(`${gw.url}/analyze`, {
    method: "POST",
    body: JSON.stringify({ fen: START, depth: 2, multipv: 1 }),
    headers: { "content-type": "application/json" },
  }).then(async (r) => {
    await r.body?.cancel();
    return r.status;
  });
const spotIds = async (
  gw: Server,
) => ((await (await fetch(`${gw.url}/healthz`)).json()).spots as { id: string; status: string }[]);
const metric = async (gw: Server, line: RegExp) =>
  Number(line.exec(await (await fetch(`${gw.url}/metrics`)).text())?.[1] ?? 0);

Deno.test("discovery: the gateway takes its spots from DNS, drops a removed one, keeps the last good set through SERVFAIL", async () => {
  const port = freePort();
  const a = await startFaultSpot({ port, host: "127.0.0.1" });
  const b = await startFaultSpot({ port, host: "127.0.0.2" });
  const dns = await startDnsServer({ "spots.test": { A: ["127.0.0.1", "127.0.0.2"] } });
  const idA = `dns-127-0-0-1-${port}`, idB = `dns-127-0-0-2-${port}`;
  const gw = await startGateway({}, {
    ENGINE_SPOTS: "",
    ENGINE_SPOTS_DNS: `spots.test:${port}`,
    SPOT_DNS_SERVER: `127.0.0.1:${dns.port}`,
    SPOT_DNS_INTERVAL: "1",
    CACHE: "off", // the same position again and again: the cache would answer it
  });
  try {
    await waitForOk(`${gw.url}/readyz`, gw.proc, 10_000);
    assert.deepEqual((await spotIds(gw)).map((s) => s.id).sort(), [idA, idB]);
    // Traffic reaches both (bounded: at most 10 rounds of 8 concurrent requests).
    for (let round = 0; round < 10; round++) {
      const statuses = await Promise.all(Array.from({ length: 8 }, () => analyze(gw)));
      assert.deepEqual(statuses, Array(8).fill(200));
      if ((await faultStats(a)).analyze > 0 && (await faultStats(b)).analyze > 0) break;
    }
    assert.ok((await faultStats(a)).analyze > 0 && (await faultStats(b)).analyze > 0);

    const reloads = await metric(gw, /spotgate_config_reloads_total\{result="ok"\} (\d+)/);
    dns.zone = { "spots.test": { A: ["127.0.0.1"] } };
    await waitFor(async () => (await spotIds(gw)).length === 1, "b removed", gw);
    const left = await spotIds(gw);
    assert.equal(left[0]!.id, idA);
    assert.equal(left[0]!.status, "healthy", "the spot that stays keeps its state");
    assert.equal(
      await metric(gw, /spotgate_config_reloads_total\{result="ok"\} (\d+)/),
      reloads + 1,
    );
    const before = (await faultStats(b)).analyze;
    for (let i = 0; i < 10; i++) assert.equal(await analyze(gw), 200);
    assert.equal((await faultStats(b)).analyze, before, "no new request to the removed spot");

    dns.rcode = "SERVFAIL";
    const errors = /spotgate_discovery_refreshes_total\{result="error"\} (\d+)/;
    await waitFor(async () => (await metric(gw, errors)) >= 3, "three failed refreshes", gw);
    assert.equal(await analyze(gw), 200, "the last good set keeps serving");
    assert.deepEqual((await spotIds(gw)).map((s) => s.id), [idA]);
    const failed = gw.proc.output().split("\n").filter((l) => l.includes("spot discovery failed"));
    assert.equal(failed.length, 1, "logged once");
    assert.equal(JSON.parse(failed[0]!).level, "warn");
    dns.rcode = undefined;
    await waitFor(
      () => gw.proc.output().includes("spot discovery recovered"),
      "recovery",
      gw,
    );
    assert.equal(
      await metric(gw, /spotgate_config_reloads_total\{result="ok"\} (\d+)/),
      reloads + 1,
      "unchanged sets are not reloads",
    );
    assert.ok(
      (await metric(gw, /spotgate_discovery_refreshes_total\{result="unchanged"\} (\d+)/)) > 0,
    );
  } finally {
    await gw.stop();
    await a.stop();
    await b.stop();
    await dns.close();
  }
});

Deno.test("discovery: an SRV name gives the gateway one spot per target and port", async () => {
  const a = await startFaultSpot(), b = await startFaultSpot();
  const dns = await startDnsServer({
    "_http._tcp.spots.test": {
      SRV: [{ port: a.port, target: "127.0.0.1" }, { port: b.port, target: "127.0.0.1" }],
    },
  });
  const gw = await startGateway({}, {
    ENGINE_SPOTS: "",
    ENGINE_SPOTS_DNS: "_http._tcp.spots.test",
    SPOT_DNS_SERVER: `127.0.0.1:${dns.port}`,
    CACHE: "off", // the same position again and again: the cache would answer it
  });
  try {
    await waitForOk(`${gw.url}/readyz`, gw.proc, 10_000);
    const want = [`dns-127-0-0-1-${a.port}`, `dns-127-0-0-1-${b.port}`].sort();
    assert.deepEqual((await spotIds(gw)).map((s) => s.id).sort(), want);
    assert.equal(await analyze(gw), 200);
  } finally {
    await gw.stop();
    await a.stop();
    await b.stop();
    await dns.close();
  }
});
