/**
 * deploy/k8s/ as `kubectl apply -k` applies it: every kustomization rendered by kubectl's
 * kustomize, every object checked against the Kubernetes schemas, and the set checked for
 * consistency (selectors, ports, probes, DNS discovery, autoscalers, Prometheus, environment).
 */
import assert from "node:assert/strict";
import { parse } from "yaml";
import {
  envValue,
  type K8sObject,
  kustomizationDirs,
  podContainers,
  RENDER_SKIPPED,
  renderKustomization,
} from "./kustomize.ts";
import { schemaError } from "./k8s-schemas.ts";
import { gatewayReads, NEVER_SET, spotReads } from "./gateway-env.ts";
import { readEnv } from "../../src/config/env.ts";
import { startGateway, startSpot } from "../helpers/cluster.ts";
import { startProc } from "../helpers/procs.ts";

const DEFAULT = "deploy/k8s", KEDA = "deploy/k8s/overlays/keda";
const APPLIED = [DEFAULT, KEDA];
const GATEWAY_IMAGE = /^spotgate\/gateway:/, SPOT_IMAGE = /^spotgate\/spot:/;

/** A test of the rendered sets: skipped, and saying so, where no current kubectl renders them. */
function k8sTest(name: string, fn: () => Promise<void>): void {
  const skipped = RENDER_SKIPPED ? " (skipped: needs kubectl with Kustomize 5)" : "";
  Deno.test({ name: `k8s: ${name}${skipped}`, ignore: RENDER_SKIPPED, fn });
}

const cache = new Map<string, Promise<K8sObject[]>>();
function render(dir: string): Promise<K8sObject[]> {
  if (!cache.has(dir)) cache.set(dir, renderKustomization(dir));
  return cache.get(dir)!;
}

const deployments = (objs: K8sObject[]) => objs.filter((o) => o.kind === "Deployment");
const named = (objs: K8sObject[], kind: string, name: string) =>
  objs.find((o) => o.kind === kind && o.metadata.name === name);

/** The Deployment running `image` and that container (a native sidecar counts). */
function withImage(objs: K8sObject[], image: RegExp) {
  for (const d of deployments(objs)) {
    const c = podContainers(d).find((c) => image.test(c.image));
    if (c) return { deployment: d, container: c };
  }
  throw new Error(`no Deployment runs ${image}`);
}

/** The container port a probe or Service names (by name or number). */
function resolvePort(
  containers: { ports?: { name?: string; containerPort: number }[] }[],
  port: unknown,
) {
  const ports = containers.flatMap((c) => c.ports ?? []);
  return ports.find((p) => p.name === port || p.containerPort === port)?.containerPort;
}

/** ENV names of a Dockerfile (`ENV A=1 B=2`). */
async function dockerfileEnv(path: string): Promise<Record<string, string>> {
  const text = (await Deno.readTextFile(path)).replace(/\\\n/g, " ");
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^ENV (.+)$/gm)) {
    for (const pair of m[1]!.trim().split(/\s+/)) {
      const [k, v] = pair.split("=");
      out[k!] = v ?? "";
    }
  }
  return out;
}

async function run(cmd: string, args: string[]): Promise<string> {
  const out = await new Deno.Command(cmd, { args, stdout: "piped", stderr: "piped" }).output();
  const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  assert.ok(out.success, `${cmd} ${args.join(" ")}\n${text}`);
  return text;
}

k8sTest("every kustomization renders, and every object fits its Kubernetes schema", async () => {
  const dirs = await kustomizationDirs();
  for (const dir of APPLIED) assert.ok(dirs.includes(dir), `${dir} is a kustomization`);
  for (const dir of dirs) {
    const objs = await render(dir);
    assert.ok(objs.length > 0, `${dir} renders objects`);
    const seen = new Set<string>();
    for (const o of objs) {
      const id = `${o.kind} ${o.metadata.namespace ?? ""}/${o.metadata.name}`;
      assert.equal(schemaError(o), undefined, `${dir}: ${id}`);
      assert.ok(!seen.has(id), `${dir}: ${id} twice`);
      seen.add(id);
    }
  }
  for (const dir of APPLIED) {
    const objs = await render(dir);
    const ns = named(objs, "Namespace", "spotgate");
    assert.ok(ns, `${dir} creates its namespace`);
    for (const o of objs.filter((o) => o.kind !== "Namespace")) {
      assert.equal(o.metadata.namespace, "spotgate", `${dir}: ${o.kind} ${o.metadata.name}`);
    }
  }
});

k8sTest("the schema check refuses what the API server would refuse", async () => {
  const objs = await render(DEFAULT);
  const spots = structuredClone(withImage(objs, SPOT_IMAGE).deployment);
  spots.spec.template.spec.containers[0].ports[0].containerPort = "8001";
  assert.match(schemaError(spots) ?? "", /containerPort must be integer/);
  const noSelector = structuredClone(withImage(objs, SPOT_IMAGE).deployment);
  delete noSelector.spec.selector;
  assert.match(schemaError(noSelector) ?? "", /selector/);
  const scaled = structuredClone(
    named(await render(KEDA), "ScaledObject", "spotgate-spots-inflight")!,
  );
  delete scaled.spec.triggers;
  assert.match(schemaError(scaled) ?? "", /triggers/);
  assert.match(schemaError({ apiVersion: "x/v1", kind: "Y", metadata: {} }) ?? "", /no schema/);
});

k8sTest("the CPU HPA and KEDA are never in one set; each scales the spots Deployment", async () => {
  for (const dir of await kustomizationDirs()) {
    const objs = await render(dir);
    const hpa = objs.filter((o) => o.kind === "HorizontalPodAutoscaler");
    const keda = objs.filter((o) => o.kind === "ScaledObject");
    assert.ok(hpa.length === 0 || keda.length === 0, `${dir} has both an HPA and a ScaledObject`);
    for (const a of [...hpa, ...keda]) {
      const target = named(objs, "Deployment", a.spec.scaleTargetRef.name);
      assert.ok(target, `${dir}: ${a.kind} scales a Deployment of the set`);
      assert.equal(target.spec.replicas, undefined, `${dir}: the autoscaler owns the replicas`);
    }
  }
  const byDir = async (dir: string, kind: string) =>
    (await render(dir)).filter((o) => o.kind === kind).length;
  assert.equal(await byDir(DEFAULT, "HorizontalPodAutoscaler"), 1);
  assert.equal(await byDir(DEFAULT, "ScaledObject"), 0);
  assert.equal(await byDir(KEDA, "HorizontalPodAutoscaler"), 0);
  assert.equal(await byDir(KEDA, "ScaledObject"), 1);
});

k8sTest("every Service selects pods of the set, on ports they have", async () => {
  for (const dir of APPLIED) {
    const objs = await render(dir);
    for (const svc of objs.filter((o) => o.kind === "Service")) {
      const selector = svc.spec.selector as Record<string, string>;
      assert.ok(selector && Object.keys(selector).length > 0, `${dir}: ${svc.metadata.name}`);
      const pods = deployments(objs).filter((d) =>
        d.metadata.namespace === svc.metadata.namespace &&
        Object.entries(selector).every(([k, v]) => d.spec.template.metadata.labels?.[k] === v)
      );
      assert.ok(pods.length > 0, `${dir}: Service ${svc.metadata.name} selects no pod`);
      for (const d of pods) {
        const labels = d.spec.selector.matchLabels as Record<string, string>;
        for (const [k, v] of Object.entries(labels)) {
          assert.equal(d.spec.template.metadata.labels[k], v, `${d.metadata.name}: own selector`);
        }
        for (const p of svc.spec.ports) {
          assert.ok(
            resolvePort(podContainers(d), p.targetPort ?? p.port),
            `${dir}: ${svc.metadata.name} port ${p.targetPort} is not a port of ${d.metadata.name}`,
          );
        }
      }
    }
  }
});

k8sTest(
  "the gateway finds the spots by DNS through a headless Service, with no static list",
  async () => {
    for (const dir of APPLIED) {
      const objs = await render(dir);
      const { container: gw } = withImage(objs, GATEWAY_IMAGE);
      const { deployment: spots, container: spot } = withImage(objs, SPOT_IMAGE);
      for (const name of ["ENGINE_SPOTS", "ENGINE_URL", "SPOTS_FILE"]) {
        assert.equal(envValue(gw.env, name), undefined, `${dir}: no ${name}: DNS names the spots`);
      }
      const dns = envValue(gw.env, "ENGINE_SPOTS_DNS") ?? "";
      const m = dns.match(/^([a-z0-9-]+)\.([a-z0-9-]+)\.svc\.cluster\.local:(\d+)$/);
      assert.ok(
        m,
        `${dir}: ENGINE_SPOTS_DNS=${dns} is <service>.<namespace>.svc.cluster.local:<port>`,
      );
      const svc = named(objs, "Service", m[1]!);
      assert.ok(svc, `${dir}: ${m[1]} is a Service of the set`);
      assert.equal(
        svc.metadata.namespace,
        m[2],
        `${dir}: the DNS name is in the Service's namespace`,
      );
      assert.equal(svc.spec.clusterIP, "None", `${dir}: headless, so DNS answers every spot pod`);
      assert.ok(
        Object.entries(svc.spec.selector).every(([k, v]) =>
          spots.spec.template.metadata.labels[k] === v
        ),
        `${dir}: the headless Service selects the spots`,
      );
      const port = svc.spec.ports.find((p: { port: number }) => p.port === Number(m[3]));
      assert.ok(port, `${dir}: port ${m[3]} is the Service's`);
      assert.equal(resolvePort([spot], port.targetPort), Number(m[3]), "the spot listens there");
      assert.ok(
        !objs.some((o) => o.kind === "ConfigMap" && o.data?.["spots.json"]),
        `${dir}: no spots ConfigMap`,
      );
      const preStop = Number(spot.lifecycle?.preStop?.exec?.command?.[1]);
      const interval = Number(envValue(gw.env, "SPOT_DNS_INTERVAL") ?? 10);
      assert.ok(
        preStop > interval,
        `${dir}: a stopping spot serves until every gateway re-resolved`,
      );
      assert.ok(spots.spec.template.spec.terminationGracePeriodSeconds > preStop);
    }
  },
);

k8sTest(
  "the sidecar listens for the app on loopback and for the probes on the pod IP",
  async () => {
    const image = await dockerfileEnv("deploy/Dockerfile.gateway");
    for (const dir of APPLIED) {
      const objs = await render(dir);
      const { deployment, container: gw } = withImage(objs, GATEWAY_IMAGE);
      const pod = deployment.spec.template.spec;
      assert.ok(
        pod.initContainers?.includes(gw) && gw.restartPolicy === "Always",
        `${dir}: a native sidecar (started before the app, stopped after it)`,
      );
      const port = Number(envValue(gw.env, "PORT") ?? image.PORT ?? 8080);
      assert.equal(gw.ports[0].containerPort, port, `${dir}: the gateway's container port`);
      const host = envValue(gw.env, "LISTEN_HOST") ?? image.LISTEN_HOST;
      assert.ok(host === undefined || host === "0.0.0.0", `${dir}: probes come to the pod IP`);
      const app = pod.containers.find((c: { image: string }) => !GATEWAY_IMAGE.test(c.image));
      assert.equal(envValue(app.env, "ENGINE_URL"), `http://127.0.0.1:${port}`, `${dir}: app`);
      const probes = {
        readinessProbe: "/readyz",
        livenessProbe: "/health",
        startupProbe: "/health",
      };
      for (const [probe, path] of Object.entries(probes)) {
        assert.equal(gw[probe]?.httpGet?.path, path, `${dir}: ${probe}`);
        assert.equal(resolvePort([gw], gw[probe].httpGet.port), port, `${dir}: ${probe} port`);
      }
      const annotations = deployment.spec.template.metadata.annotations;
      assert.equal(annotations["prometheus.io/scrape"], "true");
      assert.equal(
        Number(annotations["prometheus.io/port"]),
        port,
        `${dir}: Prometheus scrapes it`,
      );
      const drain = Number(envValue(gw.env, "DRAIN_TIMEOUT") ?? image.DRAIN_TIMEOUT ?? 30);
      const pause = Number(app.lifecycle?.preStop?.exec?.command?.[1]);
      assert.ok(pause > 0, `${dir}: the app pauses before SIGTERM while it leaves the endpoints`);
      assert.ok(pod.terminationGracePeriodSeconds > pause + drain, `${dir}: grace > pause + drain`);
      assert.equal(Number(envValue(gw.env, "GATEWAY_REPLICAS")), deployment.spec.replicas);
      // The values the gateway validates today parse (the names that arrive on merge are
      // checked by their own branches' tests).
      const plain = Object.fromEntries(
        gw.env.filter((v: { value?: string }) => v.value !== undefined).map((
          v: { name: string; value: string },
        ) => [v.name, v.value]),
      );
      assert.doesNotThrow(() => readEnv({ ...image, ...plain }), `${dir}: the gateway starts`);
    }
  },
);

k8sTest("every variable a deploy file sets is one the gateway or the spot reads", async () => {
  const gatewayNames = await gatewayReads();
  const spotNames = await spotReads();
  const set: { where: string; name: string; gateway: boolean }[] = [];
  for (const dir of APPLIED) {
    for (const d of deployments(await render(dir))) {
      for (const c of podContainers(d)) {
        const gateway = GATEWAY_IMAGE.test(c.image);
        if (!gateway && !SPOT_IMAGE.test(c.image)) continue;
        for (const v of c.env ?? []) set.push({ where: `${dir} ${c.name}`, name: v.name, gateway });
      }
    }
  }
  const compose = parse(await Deno.readTextFile("deploy/compose.yaml"));
  for (
    const [name, svc] of Object.entries<{ build?: { dockerfile: string }; environment?: object }>(
      compose.services,
    )
  ) {
    const file = svc.build?.dockerfile;
    if (!file) continue;
    const gateway = file.endsWith("Dockerfile.gateway");
    for (const v of Object.keys(svc.environment ?? {})) {
      set.push({ where: `compose ${name}`, name: v, gateway });
    }
  }
  for (
    const [file, gateway] of [["Dockerfile.gateway", true], ["Dockerfile.spot", false]] as const
  ) {
    for (const v of Object.keys(await dockerfileEnv(`deploy/${file}`))) {
      set.push({
        where: file,
        name: v,
        gateway,
      });
    }
  }
  assert.ok(set.filter((s) => s.gateway).length >= 10 && set.some((s) => !s.gateway), "found them");
  for (const { where, name, gateway } of set) {
    assert.ok(!NEVER_SET.includes(name), `${where}: ${name} must not be set`);
    const reads = gateway ? gatewayNames : spotNames;
    assert.ok(
      reads.has(name),
      `${where}: ${name} is not read by the ${gateway ? "gateway" : "spot"}`,
    );
  }
  assert.ok(!gatewayNames.has("ENGINE_SPOT_DNS"), "a misspelt name is caught");
});

k8sTest("Prometheus runs the shipped rules and config, and KEDA asks that Prometheus", async () => {
  const rulesFile = await Deno.readTextFile("deploy/prometheus/rules.yml");
  const ruleCount = parse(rulesFile).groups.flatMap((g: { rules: unknown[] }) => g.rules).length;
  const dir = await Deno.makeTempDir();
  try {
    for (const set of APPLIED) {
      const objs = await render(set);
      const prom = named(objs, "Deployment", "prometheus");
      assert.ok(prom, `${set}: a Prometheus Deployment (KEDA and the alerts need one)`);
      const container = prom.spec.template.spec.containers[0];
      const mounted = (path: string): string => {
        const at = path.slice(0, path.lastIndexOf("/"));
        const mount = container.volumeMounts.find((m: { mountPath: string }) => m.mountPath === at);
        assert.ok(mount, `${set}: nothing mounted at ${at}`);
        const vol = prom.spec.template.spec.volumes.find((v: { name: string }) =>
          v.name === mount.name
        );
        const cm = named(objs, "ConfigMap", vol.configMap.name);
        const text = cm?.data?.[path.slice(at.length + 1)];
        assert.ok(text, `${set}: ${path} is not in ConfigMap ${vol.configMap.name}`);
        return text;
      };
      const configPath = container.args.find((a: string) => a.startsWith("--config.file="))
        .split("=")[1];
      const configText = mounted(configPath);
      assert.equal(configText, await Deno.readTextFile("deploy/prometheus/prometheus-k8s.yml"));
      const config = parse(configText);
      for (const ruleFile of config.rule_files) {
        const rules = mounted(ruleFile);
        assert.equal(rules, rulesFile, `${set}: ${ruleFile} holds deploy/prometheus/rules.yml`);
        await Deno.writeTextFile(`${dir}/rules.yml`, rules);
        assert.match(
          await run("promtool", ["check", "rules", `${dir}/rules.yml`]),
          new RegExp(`${ruleCount} rules found`),
        );
      }
      // Debian's promtool lacks Kubernetes discovery: check the rest with a static target.
      const job = config.scrape_configs[0];
      assert.equal(job.kubernetes_sd_configs[0].role, "pod");
      delete job.kubernetes_sd_configs;
      job.static_configs = [{ targets: ["127.0.0.1:8080"] }];
      config.rule_files = [`${dir}/rules.yml`];
      await Deno.writeTextFile(`${dir}/prometheus.yml`, JSON.stringify(config));
      await run("promtool", ["check", "config", `${dir}/prometheus.yml`]);
      const svc = named(objs, "Service", "prometheus")!;
      assert.equal(svc.spec.ports[0].port, 9090);
    }
    const keda = named(await render(KEDA), "ScaledObject", "spotgate-spots-inflight")!;
    const trigger = keda.spec.triggers[0];
    const url = new URL(trigger.metadata.serverAddress);
    const [svcName, ns] = url.hostname.split(".");
    const svc = named(await render(KEDA), "Service", svcName!);
    assert.ok(svc && svc.metadata.namespace === ns, `${url}: a Service of the set`);
    assert.equal(
      url.hostname,
      `${svcName}.${ns}.svc.cluster.local`,
      "KEDA runs in its own namespace",
    );
    assert.equal(Number(url.port), svc.spec.ports[0].port);
    const engines = (await Deno.readTextFile("deploy/Dockerfile.spot")).match(
      /"--engines", "(\d+)"/,
    );
    assert.equal(trigger.metadata.threshold, engines?.[1], "threshold: the engines of one spot");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

k8sTest(
  "the sidecar example's app gets an analysis from a real gateway through ENGINE_URL",
  async () => {
    const { deployment } = withImage(await render(DEFAULT), GATEWAY_IMAGE);
    const app = deployment.spec.template.spec.containers[0];
    const script: string = app.args[0];
    // One round of its loop: the test ends it instead of waiting for the next minute.
    assert.match(script, /sleep 60/);
    const spot = await startSpot();
    const gw = await startGateway({ "spot-1": spot });
    const sh = startProc(app.command[0], [
      app.command[1],
      script.replace("sleep 60", "exit 0"),
    ], { ENGINE_URL: gw.url });
    try {
      await sh.child.status; // it ends by itself after one round; stop() then only collects
      const status = await sh.stop();
      assert.ok(status.success, sh.output());
      const result = JSON.parse(sh.output().trim());
      assert.equal(result.depth, 12, sh.output());
      assert.match(result.bestmove, /^[a-h][1-8][a-h][1-8]/);
    } finally {
      await sh.stop();
      await gw.stop();
      await spot.stop();
    }
  },
);

Deno.test("k8s: the README's deployment commands apply kustomizations", async () => {
  const readme = await Deno.readTextFile("README.md");
  const dirs = await kustomizationDirs();
  const applied = [...readme.matchAll(/kubectl apply -k (\S+?)\/?[`\s]/g)].map((m) => m[1]!);
  for (const dir of APPLIED) assert.ok(applied.includes(dir), `README applies ${dir}`);
  for (const dir of applied) assert.ok(dirs.includes(dir), `README: ${dir} is a kustomization`);
  assert.ok(!/kubectl apply -f deploy\/k8s/.test(readme), "not -f: that applies every file");
});

k8sTest(
  "Redis keeps the jobs: append-only on a claimed volume, noeviction; KEDA follows the job queue",
  async () => {
    for (const dir of APPLIED) {
      const objs = await render(dir);
      const redis = named(objs, "Deployment", "spotgate-redis")!;
      const container = podContainers(redis)[0]!;
      const args = (container.args as string[]).join(" ");
      assert.match(args, /--appendonly yes/, `${dir}: append-only`);
      assert.match(args, /--maxmemory-policy noeviction/, `${dir}: noeviction`);
      const spec = redis.spec.template.spec;
      const volume = spec.volumes.find((v: { name: string }) =>
        (container.volumeMounts as { name: string; mountPath: string }[]).some((m) =>
          m.name === v.name && m.mountPath === "/data"
        )
      );
      const claim = named(objs, "PersistentVolumeClaim", volume?.persistentVolumeClaim?.claimName);
      assert.ok(claim, `${dir}: /data is a PersistentVolumeClaim of the set`);
      assert.equal(redis.spec.strategy.type, "Recreate", `${dir}: one pod owns the volume`);
    }
    const keda = named(await render(KEDA), "ScaledObject", "spotgate-spots-inflight")!;
    const queries = keda.spec.triggers.map((t: { metadata: { query: string } }) =>
      t.metadata.query
    );
    assert.ok(queries.includes("max(spotgate_jobs_waiting)"), JSON.stringify(queries));
  },
);
