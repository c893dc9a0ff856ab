import assert from "node:assert/strict";
import { spotSchema } from "../../../src/config/schema.ts";
import { parseDnsSetting } from "../../../src/discovery/setting.ts";
import {
  diffSpots,
  MAX_DISCOVERED_SPOTS,
  spotId,
  spotsFromAnswer,
} from "../../../src/discovery/spots.ts";

Deno.test("discovered spots: one per address, ids from the address, priority 100, region dns", () => {
  const setting = parseDnsSetting("spots.ns:8001");
  const { spots, dropped } = spotsFromAnswer(setting, {
    kind: "addresses",
    addresses: ["10.1.2.4", "10.1.2.3", "fd00::1", "10.1.2.3"],
  });
  assert.equal(dropped, 0);
  assert.deepEqual(spots, [
    {
      id: "dns-10-1-2-3-8001",
      url: "http://10.1.2.3:8001",
      region: "dns",
      priority: 100,
      enabled: true,
    },
    {
      id: "dns-10-1-2-4-8001",
      url: "http://10.1.2.4:8001",
      region: "dns",
      priority: 100,
      enabled: true,
    },
    {
      id: "dns-fd00--1-8001",
      url: "http://[fd00::1]:8001",
      region: "dns",
      priority: 100,
      enabled: true,
    },
  ]);
  for (const s of spots) assert.deepEqual(spotSchema.parse(s), s, "valid per the config rules");
  const prefixed = spotsFromAnswer(parseDnsSetting("https://spots.ns:8443/sf1"), {
    kind: "addresses",
    addresses: ["10.0.0.1"],
  });
  assert.equal(prefixed.spots[0]!.url, "https://10.0.0.1:8443/sf1");
});

Deno.test("discovered spots: SRV targets and ports; a '.' target offers nothing", () => {
  const setting = parseDnsSetting("_http._tcp.spots.ns.svc.cluster.local");
  const { spots } = spotsFromAnswer(setting, {
    kind: "srv",
    records: [
      { port: 8001, target: "spots-1.spots.ns.svc.cluster.local." },
      { port: 8002, target: "spots-0.spots.ns.svc.cluster.local." },
      { port: 8001, target: "." },
    ],
  });
  assert.deepEqual(spots.map((s) => [s.id, s.url]), [
    [
      "dns-spots-0-spots-ns-svc-cluster-local-8002",
      "http://spots-0.spots.ns.svc.cluster.local:8002",
    ],
    [
      "dns-spots-1-spots-ns-svc-cluster-local-8001",
      "http://spots-1.spots.ns.svc.cluster.local:8001",
    ],
  ]);
});

Deno.test("spot ids: at most 64 characters of [a-z0-9-], distinct for distinct addresses", () => {
  const long = "spots-0.a-very-long-headless-service-name.a-long-namespace.svc.cluster.local";
  const id = spotId(long, 8001);
  assert.equal(id.length, 64);
  assert.match(id, /^[a-z0-9-]{64}$/);
  assert.notEqual(spotId(long.replace("spots-0", "spots-1"), 8001), id);
  assert.notEqual(spotId("1::2:3", 1), spotId("1:2::3", 1));
  // Two names that map to one id ("a-b.c" and "a.b-c") still get two spots.
  const both = spotsFromAnswer(parseDnsSetting("_x._tcp.s"), {
    kind: "srv",
    records: [{ port: 1, target: "a-b.c" }, { port: 1, target: "a.b-c" }],
  });
  assert.equal(new Set(both.spots.map((s) => s.id)).size, 2);
  for (const s of both.spots) spotSchema.parse(s);
});

Deno.test("discovered spots: more than 100 addresses keep the first 100 by id and count the rest", () => {
  const addresses = Array.from({ length: 130 }, (_, i) => `10.0.${Math.floor(i / 100)}.${i % 100}`);
  const { spots, dropped } = spotsFromAnswer(parseDnsSetting("s.ns:1"), {
    kind: "addresses",
    addresses,
  });
  assert.equal(spots.length, MAX_DISCOVERED_SPOTS);
  assert.equal(dropped, 30);
  assert.deepEqual(spots.map((s) => s.id), [...spots.map((s) => s.id)].sort());
});

Deno.test("spot set diff: added and removed ids; an unchanged set in any order is no change", () => {
  const s = (id: string, url = `http://${id}:1`) => ({
    id,
    url,
    region: "dns",
    priority: 100,
    enabled: true,
  });
  assert.deepEqual(diffSpots([s("a"), s("b")], [s("b"), s("a")]), { added: [], removed: [] });
  assert.deepEqual(diffSpots([s("a"), s("b")], [s("b"), s("c")]), { added: ["c"], removed: ["a"] });
  assert.deepEqual(diffSpots([], [s("a")]), { added: ["a"], removed: [] });
  assert.deepEqual(diffSpots([s("a")], [s("a", "http://x:2")]), { added: ["a"], removed: ["a"] });
});
