import assert from "node:assert/strict";
import { parseDnsSetting, parseNameServer } from "../../../src/discovery/setting.ts";

Deno.test("dns setting: A/AAAA names with a port, SRV names, scheme and path prefix", () => {
  assert.deepEqual(parseDnsSetting("spots-headless.ns.svc.cluster.local:8001"), {
    name: "spots-headless.ns.svc.cluster.local",
    srv: false,
    scheme: "http",
    port: 8001,
    prefix: "",
  });
  assert.deepEqual(parseDnsSetting(" https://Spots.NS:8443/sf1/ "), {
    name: "spots.ns",
    srv: false,
    scheme: "https",
    port: 8443,
    prefix: "/sf1",
  });
  assert.equal(parseDnsSetting("spots.ns").port, 80);
  assert.equal(parseDnsSetting("https://spots.ns").port, 443);
  assert.equal(parseDnsSetting("http://spots.ns:80").port, 80);
  assert.deepEqual(parseDnsSetting("_http._tcp.spots.ns.svc.cluster.local"), {
    name: "_http._tcp.spots.ns.svc.cluster.local",
    srv: true,
    scheme: "http",
    port: 0,
    prefix: "",
  });
  assert.equal(parseDnsSetting("https://_https._tcp.spots.ns/engine").prefix, "/engine");
});

Deno.test("dns setting: every refusal says what to write", () => {
  const cases: [string, RegExp][] = [
    ["ftp://spots.ns:21", /^must start with http:\/\/ or https:\/\/ when it has a scheme$/],
    [
      "spots ns:80",
      /^must be a DNS name and port such as spots-headless\.ns\.svc\.cluster\.local:8001, or an SRV name such as _http\._tcp\./,
    ],
    ["spots.ns:99999", /^must be a DNS name and port/],
    ["spots.ns:8001/?x=1", /^must have no credentials, query or fragment/],
    ["spots.ns:8001#x", /^must have no credentials, query or fragment/],
    ["http://u:p@spots.ns:8001", /^must have no credentials, query or fragment/],
    [
      "10.1.2.3:8001",
      /^must be a DNS name, not an address \(for one fixed spot, set ENGINE_URL\)$/,
    ],
    ["[fd00::1]:8001", /^must be a DNS name, not an address/],
    [
      "_http._tcp.spots.ns:8001",
      /^must not give a port with an SRV name \(its records give the ports\)$/,
    ],
  ];
  for (const [value, message] of cases) {
    assert.throws(() => parseDnsSetting(value), { message }, value);
  }
});

Deno.test("dns server setting: IPv4 or bracketed IPv6, port 53 unless given", () => {
  assert.deepEqual(parseNameServer("10.96.0.10"), { ipAddr: "10.96.0.10", port: 53 });
  assert.deepEqual(parseNameServer("127.0.0.1:5353"), { ipAddr: "127.0.0.1", port: 5353 });
  assert.deepEqual(parseNameServer("[fd00::10]:53"), { ipAddr: "fd00::10", port: 53 });
  assert.deepEqual(parseNameServer("[::1]"), { ipAddr: "::1", port: 53 });
  for (const bad of ["kube-dns", "127.0.0.1:0", "127.0.0.1:70000", "fd00::10", "1.2.3"]) {
    assert.throws(
      () => parseNameServer(bad),
      /^Error: must be an IP address with an optional port, such as 10\.96\.0\.10:53 or \[fd00::10\]:53$/,
      bad,
    );
  }
});
