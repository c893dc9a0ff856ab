import assert from "node:assert/strict";
import { Serial } from "../../../src/config/serial.ts";
import { fileStamp, folderOf, foldersToWatch } from "../../../src/config/file-stamp.ts";
import { ConfigWatcher } from "../../../src/config/watch.ts";
import { loadConfig } from "../../../src/config/load.ts";
import { ConfigMapVolume } from "../../helpers/configmap.ts";

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

Deno.test("serial: never two runs at once; calls during a run give exactly one more run, with the latest argument", async () => {
  const log: string[] = [];
  let active = 0;
  const gates: (() => void)[] = [];
  const serial = new Serial<string>(async (arg) => {
    active++;
    assert.equal(active, 1, "overlapping runs");
    log.push(`start ${arg}`);
    await new Promise<void>((r) => gates.push(r));
    log.push(`end ${arg}`);
    active--;
  });
  const first = serial.run("a");
  assert.ok(serial.busy);
  const second = serial.run("b");
  const third = serial.run("c");
  await tick();
  gates.shift()!();
  await tick();
  assert.deepEqual(log, ["start a", "end a", "start c"]);
  gates.shift()!();
  await Promise.all([first, second, third]);
  assert.deepEqual(log, ["start a", "end a", "start c", "end c"]);
  assert.ok(!serial.busy);
  const failing = new Serial<number>(() => Promise.reject(new Error("boom")));
  await assert.rejects(failing.run(1), /boom/);
  assert.ok(!failing.busy, "a failed run frees the runner");
});

Deno.test("file stamp: changes with the symlink target, a rename, an edit; folders to watch", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${dir}/a.json`, "1");
    await Deno.writeTextFile(`${dir}/b.json`, "1");
    await Deno.symlink(`${dir}/a.json`, `${dir}/spots.json`);
    const a = await fileStamp(`${dir}/spots.json`);
    assert.equal(await fileStamp(`${dir}/spots.json`), a, "stable while nothing changes");
    await Deno.remove(`${dir}/spots.json`);
    await Deno.symlink(`${dir}/b.json`, `${dir}/spots.json`);
    const b = await fileStamp(`${dir}/spots.json`);
    assert.notEqual(b, a, "a new target");
    await Deno.writeTextFile(`${dir}/b.json`, "22");
    assert.notEqual(await fileStamp(`${dir}/spots.json`), b, "an edit in place");
    assert.equal(await fileStamp(`${dir}/none.json`), "missing");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
  assert.equal(folderOf("spots.json"), ".");
  assert.equal(folderOf("/spots.json"), "/");
  assert.equal(folderOf("/etc/spotgate/spots.json"), "/etc/spotgate");
  assert.deepEqual(foldersToWatch("/c/spots.json", "/c/..2026_1/spots.json"), ["/c"]);
  assert.deepEqual(foldersToWatch("/c/spots.json", undefined), ["/c"]);
  assert.deepEqual(foldersToWatch("/c/spots.json", "/etc/x/spots.json"), ["/c", "/etc/x"]);
  assert.deepEqual(foldersToWatch("/c/spots.json", "/cc/spots.json"), ["/c", "/cc"]);
  assert.deepEqual(foldersToWatch("/spots.json", "/x/spots.json"), ["/"]);
});

Deno.test("watcher: the kubelet's ..data swap reloads every time; changes during a slow load give one more load, never two at once", async () => {
  const file = (id: string) => JSON.stringify({ spots: [{ id, url: "http://127.0.0.1:1" }] });
  const volume = await ConfigMapVolume.create({ "spots.json": file("v0") });
  const path = volume.path("spots.json");
  const got: string[] = [];
  let loading = 0, overlapped = false, slowMs = 0;
  const watcher = new ConfigWatcher({
    path,
    debounceMs: 30,
    load: async () => {
      loading++;
      overlapped ||= loading > 1;
      const r = await loadConfig({ SPOTS_FILE: path }, (p) => Deno.readTextFile(p));
      await tick(slowMs);
      loading--;
      return r;
    },
    onConfig: (c, trigger) => got.push(`${trigger}:${c.spots[0]!.id}`),
    onError: (e) => got.push(`error:${e}`),
  });
  const until = async (n: number) => {
    for (let i = 0; i < 100 && got.length < n; i++) await tick(20);
  };
  try {
    await watcher.start();
    for (const v of ["v1", "v2", "v3"]) {
      await volume.update({ "spots.json": file(v) });
      await until(got.length + 1);
      assert.equal(got.at(-1), `file:${v}`, got.join());
    }
    // Updates while a load is under way: the last one is loaded, and loads never overlap.
    slowMs = 300;
    await volume.update({ "spots.json": file("v4") });
    await tick(100); // the load of v4 is running
    await volume.update({ "spots.json": file("v5") });
    await tick(50);
    await volume.update({ "spots.json": file("v6") });
    await until(got.length + 2);
    await tick(700);
    assert.equal(got.at(-1), "file:v6", got.join());
    assert.ok(!overlapped, "two loads ran at once");
    const count = got.length;
    await tick(300);
    assert.equal(got.length, count, "no load without a change");
  } finally {
    watcher.stop();
    await volume.remove();
  }
});
