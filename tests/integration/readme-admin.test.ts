import assert from "node:assert/strict";
import { type Server, startFaultSpot, startGateway } from "../helpers/cluster.ts";

/** The README's admin example: the shell block that runs scripts/mint-admin-token.ts. */
async function adminExample(): Promise<string[]> {
  const readme = await Deno.readTextFile("README.md");
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const block = blocks.find((b) => b.includes("mint-admin-token.ts"));
  assert.ok(block, "the README has the admin example");
  return block.trim().split("\n");
}

/** Runs the example's lines after the gateway start against `gw` (bounded by `timeout`). */
async function runAfterStart(lines: string[], start: number, gw: Server, secret: string) {
  const script = lines.slice(start + 1).join("\n").replaceAll("http://127.0.0.1:8080", gw.url);
  const out = await new Deno.Command("timeout", {
    args: ["60", "bash", "-euc", script],
    env: { ADMIN_JWT_SECRET: secret },
  }).output();
  return new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
}

Deno.test("README admin example: the secret is exported before the gateway starts, and both curls work", async () => {
  const lines = await adminExample();
  const exportAt = lines.findIndex((l) => /^export ADMIN_JWT_SECRET=/.test(l));
  const startAt = lines.findIndex((l) => /^deno task (demo|start)\b/.test(l));
  const mintAt = lines.findIndex((l) => l.includes("mint-admin-token.ts"));
  assert.ok(exportAt >= 0 && startAt > exportAt && mintAt > startAt, lines.join("\n"));
  const secret = lines[exportAt]!.replace(/^export ADMIN_JWT_SECRET=(\S+).*$/, "$1");
  const spots = { "local-1": await startFaultSpot(), "local-2": await startFaultSpot() };
  // What the old order gave: a gateway started before the export has no admin key.
  const before = await startGateway(spots);
  const gw = await startGateway(spots, { ADMIN_JWT_SECRET: secret });
  try {
    assert.match(await runAfterStart(lines, startAt, before, secret), /admin_disabled/);
    const said = await runAfterStart(lines, startAt, gw, secret);
    assert.doesNotMatch(said, /"error"/, said);
    assert.match(said, /"id":"local-1"/);
    const disabled = said.slice(said.lastIndexOf('{"id":"local-2"'));
    assert.match(disabled, /"enabled":false/, said);
  } finally {
    await before.stop();
    await gw.stop();
    for (const s of Object.values(spots)) await s.stop();
  }
});
