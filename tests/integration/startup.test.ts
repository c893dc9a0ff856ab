import assert from "node:assert/strict";
import { startFaultSpot, startGateway } from "../helpers/cluster.ts";
import { waitForLine } from "../helpers/procs.ts";
import { GATEWAY_DENO_FLAGS } from "../../src/gateway/deno-flags.ts";

/** Runs the gateway to its exit (bounded: killed after 20 s) and returns what it printed. */
async function runGateway(
  env: Record<string, string>,
  script = "src/main.ts",
  args: string[] = [],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", ...GATEWAY_DENO_FLAGS, "-A", script, ...args],
    env: { ENGINE_URL: "http://127.0.0.1:1", SPOTS_FILE: "/nonexistent/spots.json", ...env },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(20_000),
  }).output();
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
}

Deno.test("startup: in a pod (HOSTNAME is the pod's name, no LISTEN_HOST) the gateway listens on every address and answers on 127.0.0.1", async () => {
  const spot = await startFaultSpot();
  const gw = await startGateway({ a: spot }, { HOSTNAME: "spotgate-7d9f8-abcde", LISTEN_HOST: "" });
  try {
    const res = await fetch(`${gw.url}/health`);
    assert.equal(res.status, 200);
    await res.body?.cancel();
    const listening = await waitForLine(gw.proc, "spotgate listening");
    assert.ok(listening, gw.proc.output());
    assert.equal(JSON.parse(listening).address, `0.0.0.0:${gw.port}`);
    // The image's HEALTHCHECK (deploy/Dockerfile.gateway) reaches it on 127.0.0.1.
    const dockerfile = await Deno.readTextFile("deploy/Dockerfile.gateway");
    const check = JSON.parse(/^\s*CMD (\[.*\])$/m.exec(dockerfile.split("HEALTHCHECK")[1]!)![1]!);
    assert.equal(check[0], "deno");
    const args = (check as string[]).slice(1).map((a) => a.replace(":8080/", `:${gw.port}/`));
    const probe = await new Deno.Command(Deno.execPath(), { args, stdout: "null", stderr: "piped" })
      .output();
    assert.equal(probe.code, 0, new TextDecoder().decode(probe.stderr));
  } finally {
    await gw.stop();
    await spot.stop();
  }
});

Deno.test("startup: LISTEN_HOST=127.0.0.1 is where it listens, and the log line says so", async () => {
  const spot = await startFaultSpot();
  const gw = await startGateway({ a: spot });
  try {
    const listening = await waitForLine(gw.proc, "spotgate listening");
    assert.equal(JSON.parse(listening!).address, `127.0.0.1:${gw.port}`);
  } finally {
    await gw.stop();
    await spot.stop();
  }
});

const badEnv: [Record<string, string>, string][] = [
  [{ PORT: "abc" }, 'Cannot start: PORT must be an integer 1..65535, received "abc"'],
  [{ PORT: "70000" }, 'Cannot start: PORT must be an integer 1..65535, received "70000"'],
  [
    { LOG_LEVEL: "loud" },
    'Cannot start: LOG_LEVEL must be one of debug, info, warn, error, received "loud"',
  ],
  [{ DRAIN_TIMEOUT: "-1" }, 'Cannot start: DRAIN_TIMEOUT must be an integer ≥ 0, received "-1"'],
];

for (const [env, line] of badEnv) {
  Deno.test(`startup: ${Object.entries(env)[0]!.join("=")} ends the gateway with one line naming it`, async () => {
    const r = await runGateway(env);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, `${line}\n`);
    assert.equal(r.stdout, "");
  });
}

Deno.test("startup: a listen address that cannot be used is one line, not a stack trace", async () => {
  const r = await runGateway({ LISTEN_HOST: "no-such-host.invalid", PORT: "20999" });
  assert.equal(r.code, 1, r.stderr);
  assert.match(
    r.stderr,
    /^Cannot start: cannot listen on no-such-host\.invalid:20999 \(.+\); set LISTEN_HOST to an address of this machine, e\.g\. 0\.0\.0\.0 or 127\.0\.0\.1\n$/,
  );
});

Deno.test("startup: a port in use, a bad config and a bad admin key are one line each", async () => {
  const taken = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (taken.addr as Deno.NetAddr).port;
  try {
    const inUse = await runGateway({ LISTEN_HOST: "127.0.0.1", PORT: String(port) });
    assert.equal(inUse.code, 1);
    assert.match(
      inUse.stderr,
      new RegExp(
        `^Cannot start: cannot listen on 127\\.0\\.0\\.1:${port} \\(.+\\); stop what uses it or set PORT to a free port\\n$`,
      ),
    );
  } finally {
    taken.close();
  }
  const badUrl = await runGateway({ ENGINE_URL: "http://127.0.0.1:1/?x=1" });
  assert.equal(badUrl.code, 1);
  assert.match(badUrl.stderr, /^Cannot start: the config is invalid: ENGINE_URL: [^\n]+\n$/);
  const badKey = await runGateway({ ADMIN_JWT_PUBLIC_KEY: "not a key" });
  assert.equal(badKey.code, 1);
  assert.match(badKey.stderr, /^Cannot start: ADMIN_JWT_PUBLIC_KEY [^\n]+\n$/);
});

Deno.test("startup: the reference spot's bad flags are one line each too", async () => {
  const port = await runGateway({}, "src/spot/main.ts", ["--port", "abc"]);
  assert.equal(port.code, 1);
  assert.equal(port.stderr, 'Cannot start: --port must be an integer 1..65535, received "abc"\n');
  const engines = await runGateway({}, "src/spot/main.ts", ["--engines", "0"]);
  assert.equal(engines.stderr, 'Cannot start: --engines must be an integer 1..64, received "0"\n');
});
