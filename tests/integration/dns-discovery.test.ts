import assert from "node:assert/strict";
import dgram from "node:dgram";
import { startDnsServer } from "../fixtures/dns-server.ts";
import { DnsDiscovery } from "../../src/discovery/discovery.ts";
import { parseDnsSetting } from "../../src/discovery/setting.ts";
import type { DiscoveredSet } from "../../src/discovery/spots.ts";
import { Logger } from "../../src/obs/log.ts";

function discoveryOn(port: number, setting: string, intervalMs = 1000) {
  const lines: { level: string; msg: string; error?: string }[] = [];
  const changes: DiscoveredSet[] = [];
  const results: string[] = [];
  const discovery = new DnsDiscovery({
    setting: parseDnsSetting(setting),
    intervalMs,
    nameServer: { ipAddr: "127.0.0.1", port },
    log: new Logger("info", {}, (l) => lines.push(JSON.parse(l))),
    onChange: (found) => changes.push(found),
    onRefresh: (r) => results.push(r),
  });
  return { discovery, lines, changes, results };
}

const ids = (set: DiscoveredSet | undefined) => set?.spots.map((s) => s.id);

Deno.test("dns discovery: A and AAAA records become spots; unchanged sets are no change; failures keep the last good set, logged once", async () => {
  const dns = await startDnsServer({
    "spots.test": { A: ["127.0.0.2", "127.0.0.1"], AAAA: ["::1"] },
  });
  const { discovery, lines, changes, results } = discoveryOn(dns.port, "spots.test:8001");
  try {
    assert.equal(await discovery.refresh(), "changed");
    assert.deepEqual(ids(changes[0]), ["dns---1-8001", "dns-127-0-0-1-8001", "dns-127-0-0-2-8001"]);
    assert.equal(changes[0]!.spots[0]!.url, "http://[::1]:8001");
    assert.equal(await discovery.refresh(), "unchanged");
    assert.equal(changes.length, 1, "an unchanged set is not applied again");

    dns.zone = { "spots.test": { A: ["127.0.0.1", "127.0.0.3"] } };
    assert.equal(await discovery.refresh(), "changed");
    assert.deepEqual(ids(changes[1]), ["dns-127-0-0-1-8001", "dns-127-0-0-3-8001"]);

    dns.rcode = "SERVFAIL";
    assert.equal(await discovery.refresh(), "error");
    assert.equal(await discovery.refresh(), "error");
    dns.rcode = undefined;
    dns.zone = {}; // NXDOMAIN: the name is gone
    assert.equal(await discovery.refresh(), "error");
    assert.deepEqual(ids({ spots: discovery.spots, dropped: 0 }), ids(changes[1]), "kept");
    const warns = lines.filter((l) => l.level === "warn");
    assert.equal(warns.length, 1, JSON.stringify(lines));
    assert.equal(warns[0]!.msg, "spot discovery failed, keeping the last good spots");
    assert.match(
      warns[0]!.error!,
      /^no A or AAAA record answered for spots\.test \(the name is unknown/,
    );

    dns.zone = { "spots.test": { A: ["127.0.0.1", "127.0.0.3"] } };
    assert.equal(await discovery.refresh(), "unchanged");
    assert.deepEqual(lines.at(-1), {
      ...lines.at(-1),
      level: "info",
      msg: "spot discovery recovered",
    });
    assert.deepEqual(results, [
      "changed",
      "unchanged",
      "changed",
      "error",
      "error",
      "error",
      "unchanged",
    ]);
  } finally {
    discovery.stop();
    await dns.close();
  }
});

Deno.test("dns discovery: an SRV name gives target and port per record", async () => {
  const dns = await startDnsServer({
    "_http._tcp.spots.test": {
      SRV: [{ port: 8001, target: "spot-a.spots.test" }, {
        port: 8002,
        target: "spot-b.spots.test",
      }],
    },
  });
  const { discovery, changes } = discoveryOn(dns.port, "_http._tcp.spots.test");
  try {
    assert.equal(await discovery.refresh(), "changed");
    assert.deepEqual(changes[0]!.spots.map((s) => s.url), [
      "http://spot-a.spots.test:8001",
      "http://spot-b.spots.test:8002",
    ]);
    dns.zone = { "_http._tcp.spots.test": {} };
    assert.equal(await discovery.refresh(), "error", "no SRV records keeps the set");
    assert.equal(discovery.spots.length, 2);
  } finally {
    discovery.stop();
    await dns.close();
  }
});

Deno.test("dns discovery: start() refreshes every interval, stop() ends it; a silent server times out", async () => {
  const dns = await startDnsServer({ "spots.test": { A: ["127.0.0.1"] } });
  const { discovery, changes } = discoveryOn(dns.port, "spots.test:8001", 100);
  try {
    discovery.start();
    for (let i = 0; i < 50 && dns.queries.length < 6; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(dns.queries.length >= 6, `refreshed: ${dns.queries.length} queries`);
    assert.equal(changes.length, 1);
  } finally {
    discovery.stop();
  }
  const after = dns.queries.length;
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(dns.queries.length, after, "no refresh after stop()");
  await dns.close();

  const silent = dgram.createSocket("udp4");
  await new Promise<void>((r) => silent.bind(0, "127.0.0.1", () => r()));
  const quiet = discoveryOn(silent.address().port, "spots.test:8001", 300);
  try {
    assert.equal(await quiet.discovery.refresh(), "error");
    assert.equal(quiet.lines[0]?.error, "timed out");
  } finally {
    quiet.discovery.stop();
    await new Promise<void>((r) => silent.close(() => r()));
  }
});
