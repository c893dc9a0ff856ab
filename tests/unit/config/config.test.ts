import assert from "node:assert/strict";
import { fileSchema, formatZodError } from "../../../src/config/schema.ts";
import { loadConfig } from "../../../src/config/load.ts";
import { readEnv } from "../../../src/config/env.ts";
import { ConfigWatcher } from "../../../src/config/watch.ts";

const spot = (over: Record<string, unknown> = {}) => ({
  id: "a",
  url: "http://127.0.0.1:8001",
  ...over,
});

function errorOf(file: unknown): string {
  const r = fileSchema.safeParse(file);
  assert.equal(r.success, false);
  return formatZodError(r.error!);
}

Deno.test("schema: defaults are filled in", () => {
  const r = fileSchema.parse({ spots: [spot()] });
  assert.deepEqual(r, {
    spots: [{
      id: "a",
      url: "http://127.0.0.1:8001",
      region: "default",
      priority: 100,
      enabled: true,
    }],
    health_check_interval: 30,
    request_timeout: 30,
    failover_threshold: 3,
  });
});

Deno.test("schema: every refusal names the field, what was received and what to write", () => {
  const ex = '{"id": "local-1", "url": "http://127.0.0.1:8001"}';
  const cases: [unknown, string][] = [
    [{ spots: [] }, "spots: at least 1 spot is required, received an empty list"],
    [{}, `spots: missing: write a list of 1..10 spots such as [${ex}]`],
    [{ spots: "x" }, `spots: must be a list of 1..10 spots such as [${ex}], received "x"`],
    [{ spots: {} }, `spots: must be a list of 1..10 spots such as [${ex}], received an object`],
    [
      { spots: Array.from({ length: 11 }, (_, i) => spot({ id: `s${i}` })) },
      "spots: at most 10 spots are allowed, received 11; for more, discover them with ENGINE_SPOTS_DNS",
    ],
    [{ spots: ["x"] }, `spots[0]: must be a spot such as ${ex}, received "x"`],
    [
      { spots: [spot({ color: "red" })] },
      'spots[0]: unknown field "color"; the fields are id, url, region, priority, enabled',
    ],
    [
      { spots: [spot({ colour: 1, size: 2 })] },
      'spots[0]: unknown fields "colour", "size"; the fields are id, url, region, priority, enabled',
    ],
    [
      { spots: [spot(), spot()] },
      'spots[1].id: "a" is also the id of the spot at [0]: give every spot its own id',
    ],
    [
      { spots: [spot({ id: "Bad_Id" })] },
      'spots[0].id: must be 1-64 characters of a-z, 0-9 and "-", such as "local-1", received "Bad_Id"',
    ],
    [
      { spots: [{ url: "http://h:1" }] },
      'spots[0].id: missing: write 1-64 characters of a-z, 0-9 and "-", such as "local-1"',
    ],
    [
      { spots: [{ id: "a" }] },
      'spots[0].url: missing: write an http:// or https:// URL such as "http://127.0.0.1:8001"',
    ],
    [
      { spots: [spot({ url: 8001 })] },
      'spots[0].url: must be an http:// or https:// URL such as "http://127.0.0.1:8001", received 8001',
    ],
    [
      { spots: [spot({ url: "not a url" })] },
      'spots[0].url: must be an http:// or https:// URL such as "http://127.0.0.1:8001", received "not a url"',
    ],
    [
      { spots: [spot({ url: "ftp://h" })] },
      'spots[0].url: must start with http:// or https://, received "ftp://…"',
    ],
    [
      { spots: [spot(), spot({ id: "b", url: "http://u:p@h:1/sf1" })] },
      'spots[1].url: credentials are not allowed: write "http://h:1/sf1" without "user:password@" (spots are called without credentials)',
    ],
    [
      { spots: [spot(), spot({ id: "b", url: "http://h:1/?x=1" })] },
      'spots[1].url: a query ("?x=1") is not allowed: /health and /analyze are joined under the URL, so write "http://h:1/"',
    ],
    [
      { spots: [spot({ url: "http://h:1/sf1?" })] },
      'spots[0].url: a query ("?") is not allowed: /health and /analyze are joined under the URL, so write "http://h:1/sf1"',
    ],
    [
      { spots: [spot({ url: "https://h/sf1#top" })] },
      'spots[0].url: a fragment ("#top") is not allowed: /health and /analyze are joined under the URL, so write "https://h/sf1"',
    ],
    [
      { spots: [spot({ region: "" })] },
      'spots[0].region: must be 1-64 characters, such as "eu-west", received ""',
    ],
    [
      { spots: [spot({ priority: 300 })] },
      "spots[0].priority: must be an integer between 0 and 200 (higher is tried first), received 300",
    ],
    [
      { spots: [spot({ priority: "100" })] },
      'spots[0].priority: must be an integer between 0 and 200 (higher is tried first), received "100" (write it without quotes)',
    ],
    [
      { spots: [spot({ enabled: "yes" })] },
      'spots[0].enabled: must be true or false, received "yes"',
    ],
    [
      { spots: [spot({ enabled: "false" })] },
      'spots[0].enabled: must be true or false, received "false" (write it without quotes)',
    ],
    [
      { spots: [spot()], health_check_interval: 0 },
      "health_check_interval: must be an integer between 1 and 3600 (seconds), received 0",
    ],
    [
      { spots: [spot()], request_timeout: 2.5 },
      "request_timeout: must be an integer between 1 and 3600 (seconds), received 2.5",
    ],
    [
      { spots: [spot()], failover_threshold: null },
      "failover_threshold: must be an integer between 1 and 100 (failures in a row before a spot is down), received null",
    ],
    [
      { spots: [spot()], extra: 1 },
      '(root): unknown field "extra"; the fields are spots, health_check_interval, request_timeout, failover_threshold',
    ],
    [[], `(root): must be an object such as {"spots": [${ex}]}, received an empty list`],
  ];
  for (const [file, message] of cases) assert.equal(errorOf(file), message);
  const long = "x".repeat(200);
  assert.match(errorOf({ spots: [spot({ id: long })] }), /received "x{76}…$/);
});

Deno.test("schema: a path prefix is a valid spot URL (a spot behind a reverse proxy)", () => {
  for (
    const url of ["https://engines.example.com/sf1", "http://127.0.0.1:8001/", "http://h/a/b/"]
  ) {
    assert.equal(fileSchema.parse({ spots: [spot({ url })] }).spots[0]!.url, url);
  }
});

Deno.test("load: env precedence ENGINE_SPOTS over ENGINE_URL over the file; interval and timeout overrides", async () => {
  const file = JSON.stringify({ spots: [spot({ id: "file" })], health_check_interval: 7 });
  const read = () => Promise.resolve(file);
  const fromFile = await loadConfig({}, read);
  assert.ok(
    fromFile.ok && fromFile.config.spots[0]!.id === "file" &&
      fromFile.config.health_check_interval === 7,
  );
  const legacy = await loadConfig({ ENGINE_URL: "http://10.1.2.3:9000" }, read);
  assert.ok(legacy.ok && legacy.config.spots[0]!.id === "engine");
  const env = await loadConfig({
    ENGINE_URL: "http://x:1",
    ENGINE_SPOTS: JSON.stringify([spot({ id: "env" })]),
    SPOT_HEALTH_CHECK_INTERVAL: "3",
    SPOT_REQUEST_TIMEOUT: "9",
  }, read);
  assert.ok(env.ok);
  assert.equal(env.config.spots[0]!.id, "env");
  assert.equal(env.config.health_check_interval, 3);
  assert.equal(env.config.request_timeout, 9);
});

Deno.test("load: bad JSON, a missing file and bad env values are refused with a reason", async () => {
  const missing = () => Promise.reject(new Deno.errors.NotFound("x"));
  assert.deepEqual(await loadConfig({ SPOTS_FILE: "/x.json" }, missing), {
    ok: false,
    error: "/x.json does not exist; create it, or set ENGINE_URL or ENGINE_SPOTS",
  });
  assert.ok((await loadConfig({ ENGINE_URL: "http://h:1" }, missing)).ok, "env alone is enough");
  const bad = await loadConfig({}, () => Promise.resolve("{oops"));
  assert.ok(!bad.ok && /\.\/spots\.json is not valid JSON/.test(bad.error));
  const badEnv = await loadConfig({ ENGINE_SPOTS: "[" }, missing);
  assert.ok(!badEnv.ok && /ENGINE_SPOTS is not valid JSON/.test(badEnv.error));
  const notObject = await loadConfig({}, () => Promise.resolve("3"));
  assert.ok(!notObject.ok && /must hold an object/.test(notObject.error));
  const interval = await loadConfig(
    { ENGINE_URL: "http://h:1", SPOT_HEALTH_CHECK_INTERVAL: "0" },
    missing,
  );
  assert.ok(!interval.ok && /^SPOT_HEALTH_CHECK_INTERVAL: /.test(interval.error));
});

Deno.test("load: a refusal names the variable that set the field, or the file for its top level", async () => {
  const missing = () => Promise.reject(new Deno.errors.NotFound("x"));
  const errorFrom = async (env: Record<string, string>, file?: string) => {
    const r = await loadConfig(env, file === undefined ? missing : () => Promise.resolve(file));
    assert.equal(r.ok, false);
    return r.ok ? "" : r.error;
  };
  assert.equal(
    await errorFrom({ ENGINE_URL: "http://h:1/?x=1" }),
    'ENGINE_URL: a query ("?x=1") is not allowed: /health and /analyze are joined under the URL, so write "http://h:1/"',
  );
  assert.equal(
    await errorFrom({ ENGINE_SPOTS: JSON.stringify([spot(), spot({ id: "b", url: "ftp://h" })]) }),
    'ENGINE_SPOTS[1].url: must start with http:// or https://, received "ftp://…"',
  );
  assert.equal(
    await errorFrom({ ENGINE_SPOTS: "[]" }),
    "ENGINE_SPOTS: at least 1 spot is required, received an empty list",
  );
  assert.equal(
    await errorFrom({
      ENGINE_URL: "http://h:1",
      SPOT_HEALTH_CHECK_INTERVAL: "abc",
      SPOT_REQUEST_TIMEOUT: "0",
    }),
    'SPOT_HEALTH_CHECK_INTERVAL: must be an integer between 1 and 3600 (seconds), received "abc"; SPOT_REQUEST_TIMEOUT: must be an integer between 1 and 3600 (seconds), received 0',
  );
  const ex = '{"spots": [{"id": "local-1", "url": "http://127.0.0.1:8001"}]}';
  assert.equal(
    await errorFrom({ SPOTS_FILE: "/c/spots.json" }, "[]"),
    `/c/spots.json must hold an object such as ${ex}, received an empty list`,
  );
  assert.equal(
    await errorFrom({}, JSON.stringify({ spots: [spot()], extra: 1 })),
    './spots.json: unknown field "extra"; the fields are spots, health_check_interval, request_timeout, failover_threshold',
  );
  assert.equal(
    await errorFrom({}, JSON.stringify({ spots: [spot({ url: "http://h#x" })] })),
    'spots[0].url: a fragment ("#x") is not allowed: /health and /analyze are joined under the URL, so write "http://h/"',
  );
});

Deno.test("load: with ENGINE_SPOTS_DNS the spots come from DNS; the file gives the rest", async () => {
  const file = JSON.stringify({ spots: [spot({ id: "file" })], request_timeout: 9 });
  const r = await loadConfig(
    { ENGINE_SPOTS_DNS: "spots.ns:8001", ENGINE_URL: "http://h:1" },
    () => Promise.resolve(file),
  );
  assert.ok(r.ok);
  assert.deepEqual(r.config.spots, []);
  assert.equal(r.config.request_timeout, 9);
  const none = await loadConfig(
    { ENGINE_SPOTS_DNS: "spots.ns:8001" },
    () => Promise.reject(new Deno.errors.NotFound("x")),
  );
  assert.ok(none.ok, "no file is needed");
});

Deno.test("env: defaults, empty values count as absent, bad values name the variable", () => {
  const env = readEnv({ REDIS_URL: "", PORT: "9000" });
  assert.equal(env.PORT, 9000);
  assert.equal(env.REDIS_URL, undefined);
  assert.equal(env.LOG_LEVEL, "info");
  assert.equal(env.BATCH_GLOBAL_LIMIT, 3);
  assert.throws(() => readEnv({ LOG_LEVEL: "loud" }), /LOG_LEVEL/);
  assert.throws(() => readEnv({ PORT: "x" }), /PORT/);
});

Deno.test("watcher: file changes and SIGHUP reload; a bad file is refused and nothing else happens", async () => {
  const dir = await Deno.makeTempDir();
  const path = `${dir}/spots.json`;
  await Deno.writeTextFile(path, JSON.stringify({ spots: [spot()] }));
  const got: string[] = [];
  const watcher = new ConfigWatcher({
    path,
    debounceMs: 50,
    load: () => loadConfig({ SPOTS_FILE: path }, (p) => Deno.readTextFile(p)),
    onConfig: (c, trigger) => got.push(`ok:${trigger}:${c.spots[0]!.id}`),
    onError: (_e, trigger) => got.push(`error:${trigger}`),
  });
  const until = async (n: number) => {
    for (let i = 0; i < 100 && got.length < n; i++) await new Promise((r) => setTimeout(r, 20));
  };
  try {
    await watcher.start();
    await Deno.writeTextFile(path, JSON.stringify({ spots: [spot({ id: "b" })] }));
    await until(1);
    assert.equal(got[0], "ok:file:b");
    await Deno.writeTextFile(path, "{bad");
    await until(2);
    assert.equal(got[1], "error:file");
    await Deno.writeTextFile(path, JSON.stringify({ spots: [spot({ id: "c" })] }));
    await until(3);
    Deno.kill(Deno.pid, "SIGHUP");
    await until(4);
    assert.ok(got.includes("ok:SIGHUP:c"), got.join());
  } finally {
    watcher.stop();
    await Deno.remove(dir, { recursive: true });
  }
  const none = new ConfigWatcher({
    path: "/nonexistent/x.json",
    load: () => Promise.resolve({ ok: false, error: "x" }),
    onConfig: () => {},
    onError: () => {},
  });
  await none.start();
  none.stop();
});
