import type { EngineProcess } from "./engine.ts";

/** `isready` → `readyok`: the engine has applied every command sent before. */
export async function ready(engine: EngineProcess, timeoutMs = 10_000): Promise<void> {
  const ok = engine.until((line) => line === "readyok", timeoutMs);
  await engine.send("isready");
  await ok;
}

/** `uci` → `uciok` (taking the engine's name from `id name`), then `isready` → `readyok`. */
export async function handshake(engine: EngineProcess, timeoutMs = 10_000): Promise<void> {
  const seen = engine.until((line) => {
    if (line.startsWith("id name ")) engine.name = line.slice(8);
    return line === "uciok";
  }, timeoutMs);
  await engine.send("uci");
  await seen;
  await ready(engine, timeoutMs);
}
