import assert from "node:assert/strict";
import { parse } from "yaml";
import { family, metricNamesInExpr, shippedExprs } from "./metric-names.ts";
import { readEvents, START, startFaultSpot, startGateway, streamUrl } from "../helpers/cluster.ts";
import { freePort, startProc } from "../helpers/procs.ts";
import { GATEWAY_DENO_FLAGS } from "../../src/gateway/deno-flags.ts";
import { loadConfig } from "../../src/config/load.ts";

async function run(cmd: string, args: string[]): Promise<string> {
  const out = await new Deno.Command(cmd, { args, stdout: "piped", stderr: "piped" }).output();
  const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  assert.ok(out.success, `${cmd} ${args.join(" ")}\n${text}`);
  return text;
}

const exists = (p: string) => Deno.stat(p).then(() => true, () => false);

Deno.test("deploy: promtool checks the scrape config and the rules, and the rules' unit tests pass", async () => {
  await run("promtool", ["check", "config", "deploy/prometheus/prometheus.yml"]);
  assert.match(
    await run("promtool", ["check", "rules", "deploy/prometheus/rules.yml"]),
    /10 rules found/,
  );
  await run("promtool", ["test", "rules", "deploy/prometheus/rules.test.yml"]);
});

Deno.test("deploy: compose and the Dockerfiles parse and reference only what exists", async () => {
  const compose = parse(await Deno.readTextFile("deploy/compose.yaml"));
  for (const [name, svc] of Object.entries<Record<string, unknown>>(compose.services)) {
    const build = svc.build as { dockerfile: string } | undefined;
    if (build) assert.ok(await exists(build.dockerfile), `${name}: ${build.dockerfile}`);
    for (const v of (svc.volumes as string[] | undefined) ?? []) {
      const source = v.split(":")[0]!;
      // A named volume is declared at the top; a bind mount names a file of the repository.
      if (!/^[./]/.test(source)) assert.ok(source in (compose.volumes ?? {}), `${name}: ${v}`);
      else assert.ok(await exists(`deploy/${source}`), `${name}: volume ${v}`);
    }
    if (!build) {
      assert.match(svc.image as string, /^[a-z0-9/_-]+:[\w.-]+$/, `${name}: a pinned image`);
    }
  }
  for (const file of ["Dockerfile.gateway", "Dockerfile.spot"]) {
    const text = await Deno.readTextFile(`deploy/${file}`);
    for (const m of text.matchAll(/^COPY (\S+) /gm)) {
      for (const src of m[1]!.split(" ")) assert.ok(await exists(src), `${file}: COPY ${src}`);
    }
    assert.match(text, /^USER deno$/m, `${file} runs as non-root`);
    assert.match(text, /^HEALTHCHECK /m);
    assert.match(text, /^FROM denoland\/deno:debian-2\.\d+\.\d+$/m, "a pinned Deno");
  }
  // The gateway runs with the V8 flags the benchmark measured it with, wherever it starts.
  const gatewayCmd = await Deno.readTextFile("deploy/Dockerfile.gateway");
  const startTask = JSON.parse(await Deno.readTextFile("deno.json")).tasks.start as string;
  for (const flag of GATEWAY_DENO_FLAGS) {
    assert.ok(gatewayCmd.includes(`"${flag}"`), `Dockerfile.gateway CMD has ${flag}`);
    assert.ok(startTask.includes(flag), `deno task start has ${flag}`);
  }
  // Redis keeps the game analysis jobs: append-only on a volume, never evicting (BullMQ).
  const redis = compose.services.redis.command.join(" ");
  assert.match(redis, /--appendonly yes/);
  assert.match(redis, /--maxmemory-policy noeviction/);
  assert.ok(compose.services.redis.volumes.some((v: string) => v.endsWith(":/data")));
  // The compose gateway's spots file is one the gateway loads.
  const gw = compose.services.gateway;
  const mount = (gw.volumes as string[]).find((v) => v.split(":")[1] === gw.environment.SPOTS_FILE);
  assert.ok(mount, "compose mounts the gateway's SPOTS_FILE");
  const loaded = await loadConfig(
    gw.environment,
    (p) => Deno.readTextFile(p === gw.environment.SPOTS_FILE ? `deploy/${mount.split(":")[0]}` : p),
  );
  assert.ok(loaded.ok && loaded.config.spots.length === 2, JSON.stringify(loaded));
  // The repository's spots.json names the demo's spots on 127.0.0.1: in a container that is
  // the container itself, so the image must not carry it as a default.
  assert.doesNotMatch(gatewayCmd, /^COPY .*spots\.json/m, "the gateway image has no spots.json");
  assert.doesNotMatch(gatewayCmd, /SPOTS_FILE=/, "nor a SPOTS_FILE pointing at one");
  // The images listen where the manifests and compose expect them (k8s.test.ts checks those).
  assert.match(await Deno.readTextFile("deploy/Dockerfile.gateway"), /^EXPOSE 8080$/m);
  assert.match(await Deno.readTextFile("deploy/Dockerfile.spot"), /^EXPOSE 8001$/m);
  assert.match(await Deno.readTextFile("deploy/Dockerfile.spot"), /"--port", "8001"/);
});

Deno.test("deploy: a real Prometheus scrapes a real gateway with the shipped config; dashboards name only exported metrics", async () => {
  const a = await startFaultSpot(), b = await startFaultSpot();
  const gw = await startGateway({ a, b }, { REDIS_URL: "" });
  const dir = await Deno.makeTempDir();
  const promPort = freePort();
  const shipped = parse(await Deno.readTextFile("deploy/prometheus/prometheus.yml"));
  shipped.global.scrape_interval = "1s";
  shipped.rule_files = [`${Deno.cwd()}/deploy/prometheus/rules.yml`];
  shipped.scrape_configs = shipped.scrape_configs.filter((s: { job_name: string }) =>
    s.job_name === "spotgate"
  );
  shipped.scrape_configs[0].static_configs = [{ targets: [`127.0.0.1:${gw.port}`] }];
  await Deno.writeTextFile(`${dir}/prometheus.yml`, JSON.stringify(shipped));
  const prom = startProc("prometheus", [
    `--config.file=${dir}/prometheus.yml`,
    `--storage.tsdb.path=${dir}/data`,
    `--web.listen-address=127.0.0.1:${promPort}`,
  ]);
  try {
    await readEvents(await fetch(streamUrl(gw.url, START, 3)));
    const query = async (q: string) => {
      const res = await fetch(
        `http://127.0.0.1:${promPort}/api/v1/query?query=${encodeURIComponent(q)}`,
      );
      return (await res.json()).data?.result ?? [];
    };
    let up: { value: [number, string] }[] = [];
    for (let i = 0; i < 100 && !(up[0]?.value[1] === "1"); i++) {
      await new Promise((r) => setTimeout(r, 200));
      up = await query('up{job="spotgate"}').catch(() => []);
    }
    assert.equal(up[0]?.value[1], "1", prom.output());
    let series: unknown[] = [];
    for (let i = 0; i < 50 && series.length === 0; i++) {
      series = await query('spotgate_requests_total{route="/analyze/stream"}');
      if (series.length === 0) await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(series.length > 0, "the spotgate series are in Prometheus");
    const live = new Set(
      (await (await fetch(`${gw.url}/metrics`)).text()).split("\n").filter((l) =>
        l.startsWith("# TYPE")
      )
        .map((l) => l.split(" ")[2]!),
    );
    for (const { where, expr } of await shippedExprs()) {
      for (const name of metricNamesInExpr(expr)) {
        assert.ok(live.has(family(name)), `${where}: ${name} is not exported`);
      }
    }
  } finally {
    await prom.stop();
    await gw.stop();
    await a.stop();
    await b.stop();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("metricNamesInExpr finds metric names, not functions or labels", () => {
  assert.deepEqual(
    metricNamesInExpr(
      'histogram_quantile(0.95, sum by (le) (rate(spotgate_x_bucket{route=~"/a.*"}[5m]))) > 10',
    ),
    ["spotgate_x_bucket"],
  );
  assert.deepEqual(metricNamesInExpr("sum(a_total) / sum(b_total)"), ["a_total", "b_total"]);
});
