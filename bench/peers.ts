/**
 * Established proxies as peers in the proxy-cost rounds, when installed (Debian's `nginx` and
 * `haproxy`): each is started on loopback in front of the same spot, one process, one thread,
 * keep-alive to the spot and no buffering, so their CPU per request sits beside the gateway's.
 */
import {
  serve,
  type Server,
  setFault,
  startFaultSpot,
  startGateway,
} from "../tests/helpers/cluster.ts";
import { freePort, startProc, waitForOk } from "../tests/helpers/procs.ts";

function installed(cmd: string): boolean {
  try {
    return Deno.statSync(cmd).isFile;
  } catch {
    return false;
  }
}

async function start(cmd: string, args: string[], port: number): Promise<Server> {
  const proc = startProc(cmd, args);
  const url = `http://127.0.0.1:${port}`;
  await waitForOk(`${url}/health`, proc);
  return { url, port, proc, stop: (s?: Deno.Signal) => proc.stop(s) };
}

function nginxConf(dir: string, port: number, upstream: string): string {
  const tmp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((t) => `${t}_temp_path ${dir}/${t};`).join(" ");
  return `daemon off; master_process off; worker_processes 1; pid ${dir}/nginx.pid;
error_log stderr warn;
events { worker_connections 4096; }
http { access_log off; ${tmp}
  upstream spot { server ${upstream}; keepalive 64; }
  server { listen 127.0.0.1:${port};
    location / { proxy_pass http://spot; proxy_http_version 1.1;
      proxy_set_header Connection ""; proxy_buffering off; } } }
`;
}

function haproxyConf(port: number, upstream: string): string {
  return `global
  nbthread 1
defaults
  mode http
  timeout connect 5s
  timeout client 60s
  timeout server 60s
  option http-no-delay
frontend f
  bind 127.0.0.1:${port}
  default_backend b
backend b
  http-reuse always
  server spot ${upstream}
`;
}

/** nginx and HAProxy in front of `spot` (host:port), those of them that are installed. */
export async function startPeers(spotUrl: string): Promise<[string, Server][]> {
  const upstream = new URL(spotUrl).host;
  const dir = await Deno.makeTempDir({ prefix: "spotgate-bench-" });
  const peers: [string, Server][] = [];
  if (installed("/usr/sbin/nginx")) {
    const port = freePort();
    await Deno.writeTextFile(`${dir}/nginx.conf`, nginxConf(dir, port, upstream));
    peers.push(["nginx", await start("/usr/sbin/nginx", ["-c", `${dir}/nginx.conf`], port)]);
  }
  if (installed("/usr/sbin/haproxy")) {
    const port = freePort();
    await Deno.writeTextFile(`${dir}/haproxy.cfg`, haproxyConf(port, upstream));
    peers.push([
      "haproxy",
      await start("/usr/sbin/haproxy", ["-db", "-f", `${dir}/haproxy.cfg`], port),
    ]);
  }
  return peers;
}

/**
 * What the proxy rounds compare, each started once: the fast spot (no delay), the gateway in
 * front of it with the cache off (every request reaches the spot), the bare Deno proxy and the
 * installed peers; every process handed to `track` so the scenario stops it.
 */
export async function proxyTargets(track: <T extends Server>(s: T) => T): Promise<{
  spot: Server;
  gw: Server;
  bare: Server;
  /** The bare proxy relaying a stream through JavaScript (RELAY=js): for the stream rounds. */
  bareJs: Server;
  peers: (readonly [string, Server])[];
}> {
  const spot = track(await startFaultSpot({ delayMs: 0 }));
  await setFault(spot, "ok", 0, 0);
  const gw = track(await startGateway({ fast: spot }, { LOG_LEVEL: "warn", CACHE: "off" }));
  const port = freePort();
  const bare = track(
    await serve("bench/bare-proxy.ts", [], { UPSTREAM: spot.url, PORT: `${port}` }, port),
  );
  const jsPort = freePort();
  const bareJs = track(
    await serve("bench/bare-proxy.ts", [], {
      UPSTREAM: spot.url,
      PORT: `${jsPort}`,
      RELAY: "js",
    }, jsPort),
  );
  const peers = (await startPeers(spot.url)).map(([n, p]) => [n, track(p)] as const);
  return { spot, gw, bare, bareJs, peers };
}
