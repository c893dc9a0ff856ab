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

Deno.test("schema: every rule refuses with a message naming the field", () => {
  assert.match(
    errorOf({ spots: [spot(), spot({ id: "b", url: "http://u:p@h" })] }),
    /^spots\[1\]\.url: credentials are not allowed/,
  );
  assert.match(
    errorOf({ spots: [spot({ url: "ftp://h" })] }),
    /spots\[0\]\.url: must be http or https/,
  );
  assert.match(errorOf({ spots: [spot({ url: "not a url" })] }), /spots\[0\]\.url: must be a URL/);
  assert.match(
    errorOf({ spots: [spot(), spot()] }),
    /spots: ids must be unique, "a" appears twice/,
  );
  assert.match(errorOf({ spots: [] }), /spots: at least 1 spot/);
  const eleven = Array.from({ length: 11 }, (_, i) => spot({ id: `s${i}` }));
  assert.match(errorOf({ spots: eleven }), /spots: at most 10 spots/);
  assert.match(
    errorOf({ spots: [spot({ id: "Bad_Id" })] }),
    /spots\[0\]\.id: must be 1-64 characters/,
  );
  assert.match(
    errorOf({ spots: [spot({ priority: 300 })] }),
    /spots\[0\]\.priority: must be between 0 and 200/,
  );
  assert.match(errorOf({ spots: [spot({ color: "red" })] }), /spots\[0\]/);
  assert.match(errorOf({}), /^spots: /);
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
    error: "/x.json does not exist",
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
  assert.ok(!interval.ok && /health_check_interval/.test(interval.error));
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
    watcher.start();
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
  none.start();
  none.stop();
});
