/** The reference spot's engine process on real Stockfish: waits never outlive their search. */
import assert from "node:assert/strict";
import { EngineProcess } from "../../src/spot/engine.ts";
import { findEngine, systemFindDeps } from "../../src/spot/engine-find.ts";
import { handshake, ready } from "../../src/spot/uci-handshake.ts";

Deno.test("engine: 200 searches' waits are all released; a killed engine fails the pending one", async () => {
  const engine = new EngineProcess((await findEngine(systemFindDeps())).cmd);
  try {
    await handshake(engine);
    for (let i = 0; i < 200; i++) await ready(engine);
    assert.equal(engine.pendingWaits, 0, "every settled wait is dropped");
    const never = engine.until(() => false, 60_000);
    assert.equal(engine.pendingWaits, 1);
    await engine.kill();
    await assert.rejects(never, /engine process exited/);
    assert.equal(engine.pendingWaits, 0);
    await assert.rejects(engine.until(() => true, 1000), /exited/, "a dead engine fails at once");
  } finally {
    await engine.kill();
  }
});
