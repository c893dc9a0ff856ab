/**
 * `deno task demo`: two reference spots on Stockfish and the gateway, all on 127.0.0.1,
 * in-memory limits. The gateway starts once both spots answer `/health` (so its first checks
 * pass); then the demo prints the URL and a curl to try. Ctrl-C (or SIGTERM) stops all three.
 */
import { gameCurls } from "./demo-game.ts";
import { answers, startDeno } from "./demo-procs.ts";
import { GATEWAY_DENO_FLAGS } from "./gateway/deno-flags.ts";

const root = new URL("..", import.meta.url).pathname;
const port = Deno.env.get("PORT") ?? "8080";
const spotPorts = [
  Deno.env.get("DEMO_SPOT1_PORT") ?? "8001",
  Deno.env.get("DEMO_SPOT2_PORT") ?? "8002",
];
const spots = spotPorts.map((p) =>
  startDeno(root, "src/spot/main.ts", ["--host", "127.0.0.1", "--port", p, "--engines", "1"], {})
);
const children = [...spots];
Deno.addSignalListener("SIGINT", () => stop(0));
Deno.addSignalListener("SIGTERM", () => stop(0));
// Stockfish may first have to be found (or fetched from npm): give the spots time.
const up = await Promise.all(
  spots.map((c, i) => answers(`http://127.0.0.1:${spotPorts[i]}/health`, c, 300_000)),
);
if (!up.every(Boolean)) await stop(1, "a spot did not start (its log is above)");
const engineSpots = spotPorts.map((p, i) => ({
  id: `local-${i + 1}`,
  url: `http://127.0.0.1:${p}`,
  region: "local",
}));
const gateway = startDeno(root, "src/main.ts", [], {
  LISTEN_HOST: "127.0.0.1",
  PORT: port,
  ENGINE_SPOTS: JSON.stringify(engineSpots),
  SPOT_HEALTH_CHECK_INTERVAL: "5",
  REDIS_URL: "",
}, GATEWAY_DENO_FLAGS);
children.push(gateway);
if (!(await answers(`http://127.0.0.1:${port}/health`, gateway, 30_000))) {
  await stop(1, "the gateway did not start (its log is above)");
}

const fen = encodeURIComponent("rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq e3 0 1");
const [submitGame, followGame] = gameCurls(`http://127.0.0.1:${port}`);
// deno-lint-ignore no-console -- the demo's whole point is to tell the user what to run
console.log(`
spotgate demo: gateway on http://127.0.0.1:${port}, spots local-1 and local-2 on ${spotPorts}
  console: http://127.0.0.1:${port}/console/
  curl -N 'http://127.0.0.1:${port}/analyze/stream?fen=${fen}&depth=14&multipv=2'
  curl -s http://127.0.0.1:${port}/healthz
Analyse a whole game (the Opera Game, Morphy 1858), then follow its progress and results:
  ${submitGame}
  ${followGame}
Ctrl-C stops everything.
`);
await Promise.race(children.map((c) => c.status));
await stop(0);

/** Stops every child (by its process), then exits with `code`, saying why when it failed. */
async function stop(code: number, why?: string): Promise<never> {
  for (const c of children) {
    try {
      c.kill("SIGTERM");
    } catch { /* already gone */ }
  }
  await Promise.all(children.map((c) => c.status));
  // deno-lint-ignore no-console -- the demo tells the user why it stopped
  if (why) console.error(`demo stopped: ${why}`);
  Deno.exit(code);
}
