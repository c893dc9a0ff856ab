import assert from "node:assert/strict";
import { envSchema, readEnv } from "../../../src/config/env.ts";

const NUMBERS: [string, string][] = [
  ["PORT", "an integer 1..65535"],
  ["DRAIN_TIMEOUT", "an integer ≥ 0"],
  ["STREAM_IDLE_TIMEOUT", "an integer ≥ 1"],
  ["KEEPALIVE_INTERVAL", "an integer ≥ 1"],
  ["GATEWAY_REPLICAS", "an integer ≥ 1"],
  ["ANALYSIS_USER_LIMIT", "an integer ≥ 0"],
  ["ANALYSIS_GLOBAL_LIMIT", "an integer ≥ 0"],
  ["BATCH_USER_LIMIT", "an integer ≥ 1"],
  ["BATCH_GLOBAL_LIMIT", "an integer ≥ 1"],
  ["LEASE_TTL", "an integer ≥ 3"],
  ["MAX_BODY_BYTES", "an integer ≥ 256"],
  ["ADMIN_RATE_LIMIT", "an integer ≥ 1"],
  ["SPOT_DNS_INTERVAL", "an integer 1..3600"],
];

Deno.test("env: every number says its range and what it received, for text, fractions and bounds", () => {
  for (const [name, rule] of NUMBERS) {
    for (const bad of ["abc", "1.5", "-1", "99999999999999999999"]) {
      if (bad === "-1" && rule === "an integer ≥ 0") continue; // covered below
      assert.throws(
        () => readEnv({ [name]: bad }),
        { message: `Cannot start: ${name} must be ${rule}, received "${bad}"` },
        `${name}=${bad}`,
      );
    }
  }
  assert.throws(() => readEnv({ DRAIN_TIMEOUT: "-1" }), {
    message: 'Cannot start: DRAIN_TIMEOUT must be an integer ≥ 0, received "-1"',
  });
  assert.throws(() => readEnv({ PORT: "0" }), /PORT must be an integer 1\.\.65535, received "0"/);
  assert.throws(
    () => readEnv({ LEASE_TTL: "2" }),
    /LEASE_TTL must be an integer ≥ 3, received "2"/,
  );
});

Deno.test("env: choices list what may be written", () => {
  assert.throws(() => readEnv({ LOG_LEVEL: "loud" }), {
    message: 'Cannot start: LOG_LEVEL must be one of debug, info, warn, error, received "loud"',
  });
  assert.throws(() => readEnv({ LIMITER_ON_REDIS_DOWN: "open" }), {
    message: 'Cannot start: LIMITER_ON_REDIS_DOWN must be one of local, deny, received "open"',
  });
});

Deno.test("env: DNS discovery settings are parsed, and refused with what to write", () => {
  const env = readEnv({ ENGINE_SPOTS_DNS: "spots.ns:8001", SPOT_DNS_SERVER: "127.0.0.1:5353" });
  assert.deepEqual(env.ENGINE_SPOTS_DNS, {
    name: "spots.ns",
    srv: false,
    scheme: "http",
    port: 8001,
    prefix: "",
  });
  assert.deepEqual(env.SPOT_DNS_SERVER, { ipAddr: "127.0.0.1", port: 5353 });
  assert.equal(env.SPOT_DNS_INTERVAL, 10);
  assert.throws(() => readEnv({ ENGINE_SPOTS_DNS: "10.0.0.1:8001" }), {
    message:
      'Cannot start: ENGINE_SPOTS_DNS must be a DNS name, not an address (for one fixed spot, set ENGINE_URL), received "10.0.0.1:8001"',
  });
  assert.throws(() => readEnv({ SPOT_DNS_SERVER: "kube-dns" }), {
    message:
      'Cannot start: SPOT_DNS_SERVER must be an IP address with an optional port, such as 10.96.0.10:53 or [fd00::10]:53, received "kube-dns"',
  });
});

Deno.test("env: several bad variables are one line; LISTEN_HOST, never HOSTNAME", () => {
  assert.throws(() => readEnv({ PORT: "x", LOG_LEVEL: "y" }), {
    message:
      'Cannot start: PORT must be an integer 1..65535, received "x"; LOG_LEVEL must be one of debug, info, warn, error, received "y"',
  });
  const env = readEnv({ HOSTNAME: "spotgate-7d9f8-abcde" });
  assert.equal(env.LISTEN_HOST, "0.0.0.0");
  assert.equal(readEnv({ LISTEN_HOST: "127.0.0.1", HOSTNAME: "pod" }).LISTEN_HOST, "127.0.0.1");
  assert.ok(!("HOSTNAME" in envSchema.shape));
});

Deno.test("env: every variable of the schema either takes any text or refuses with one named line", () => {
  for (const name of Object.keys(envSchema.shape)) {
    try {
      readEnv({ [name]: "?!" });
    } catch (err) {
      assert.match(
        (err as Error).message,
        new RegExp(`^Cannot start: ${name} must .+, received "\\?!"$`),
      );
    }
  }
});
