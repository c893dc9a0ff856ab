/**
 * `deno task demo`: two reference spots on Stockfish and the gateway on loopback, in-memory
 * limits. Prints the URL and a curl to try; Ctrl-C (or SIGTERM) stops all three.
 */
import { gameCurls } from "./demo-game.ts";
import { GATEWAY_DENO_FLAGS } from "./gateway/deno-flags.ts";

const root = new URL("..", import.meta.url).pathname;
const port = Deno.env.get("PORT") ?? "8080";
const spotPorts = [
  Deno.env.get("DEMO_SPOT1_PORT") ?? "8001",
  Deno.env.get("DEMO_SPOT2_PORT") ?? "8002",
];
const deno = Deno.execPath();

function start(
  script: string,
  args: string[],
  env: Record<string, string>,
  flags: readonly string[] = [],
): Deno.ChildProcess {
  return new Deno.Command(deno, {
    args: ["run", ...flags, "-A", `${root}${script}`, ...args],
    env,
    stdin: "null",
  }).spawn();
}

const spots = spotPorts.map((p) => start("src/spot/main.ts", ["--port", p, "--engines", "1"], {}));
const engineSpots = spotPorts.map((p, i) => ({
  id: `local-${i + 1}`,
  url: `http://127.0.0.1:${p}`,
  region: "local",
}));
const gateway = start("src/main.ts", [], {
  PORT: port,
  ENGINE_SPOTS: JSON.stringify(engineSpots),
  SPOT_HEALTH_CHECK_INTERVAL: "5",
  REDIS_URL: "",
}, GATEWAY_DENO_FLAGS);
const children = [gateway, ...spots];

async function stop(): Promise<never> {
  for (const c of children) {
    try {
      c.kill("SIGTERM");
    } catch { /* already gone */ }
  }
  await Promise.all(children.map((c) => c.status));
  Deno.exit(0);
}
Deno.addSignalListener("SIGINT", stop);
Deno.addSignalListener("SIGTERM", stop);

const fen = encodeURIComponent("rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq e3 0 1");
const [submitGame, followGame] = gameCurls(`http://127.0.0.1:${port}`);
// deno-lint-ignore no-console -- the demo's whole point is to tell the user what to run
console.log(`
spotgate demo: gateway on http://127.0.0.1:${port}, spots local-1 and local-2 on ${spotPorts}
  curl -N 'http://127.0.0.1:${port}/analyze/stream?fen=${fen}&depth=14&multipv=2'
  curl -s http://127.0.0.1:${port}/healthz
Analyse a whole game (the Opera Game, Morphy 1858), then follow its progress and results:
  ${submitGame}
  ${followGame}
Ctrl-C stops everything.
`);
await Promise.race(children.map((c) => c.status));
await stop();
