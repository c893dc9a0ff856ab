import assert from "node:assert/strict";
import { type Server, startFaultSpot, startGateway } from "../helpers/cluster.ts";
import { ConfigMapVolume } from "../helpers/configmap.ts";

const reloadsOk = async (gw: Server) => {
  const text = await (await fetch(`${gw.url}/metrics`)).text();
  return Number(/spotgate_config_reloads_total\{result="ok"\} (\d+)/.exec(text)?.[1] ?? 0);
};
const listed = async (gw: Server) =>
  ((await (await fetch(`${gw.url}/healthz`)).json()).spots as { id: string }[]).map((s) => s.id)
    .sort();

Deno.test("reload: a ConfigMap volume updated by the kubelet three times in a row reloads each time", async () => {
  const spots = await Promise.all([startFaultSpot(), startFaultSpot(), startFaultSpot()]);
  const file = (ids: number[]) =>
    JSON.stringify({
      spots: ids.map((i) => ({ id: `s${i}`, url: spots[i]!.url })),
      health_check_interval: 1,
    });
  const volume = await ConfigMapVolume.create({ "spots.json": file([0]), "other.txt": "x" });
  const gw = await startGateway({}, { ENGINE_SPOTS: "", SPOTS_FILE: volume.path("spots.json") });
  try {
    assert.deepEqual(await listed(gw), ["s0"]);
    const sets = [[1], [0, 2], [2]];
    for (const [n, ids] of sets.entries()) {
      const before = await reloadsOk(gw);
      await volume.update({ "spots.json": file(ids), "other.txt": `x${n}` });
      const want = ids.map((i) => `s${i}`);
      for (let i = 0; i < 50 && (await reloadsOk(gw)) === before; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal(await reloadsOk(gw), before + 1, `swap ${n + 1}\n${gw.proc.output()}`);
      assert.deepEqual(await listed(gw), want, `swap ${n + 1}`);
    }
    // SIGHUP still reloads.
    const before = await reloadsOk(gw);
    gw.proc.child.kill("SIGHUP");
    for (let i = 0; i < 50 && (await reloadsOk(gw)) === before; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(await reloadsOk(gw), before + 1);
    assert.ok(!gw.proc.output().includes("refused"), gw.proc.output());
  } finally {
    await gw.stop();
    for (const s of spots) await s.stop();
    await volume.remove();
  }
});
