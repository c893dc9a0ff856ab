/** Renders the kustomizations of deploy/k8s/ with kubectl's built-in kustomize, as applied. */
import { parseAllDocuments } from "yaml";

/** A rendered Kubernetes object, loosely typed: the tests walk its fields. */
// deno-lint-ignore no-explicit-any
export type K8sObject = { apiVersion: string; kind: string; metadata: any; spec?: any; data?: any };

/** The major version of the Kustomize built into kubectl, or 0 without kubectl. */
function kustomizeMajor(): number {
  try {
    const out = new Deno.Command("kubectl", { args: ["version", "--client"], stderr: "null" })
      .outputSync();
    const m = /Kustomize Version: v(\d+)/.exec(new TextDecoder().decode(out.stdout));
    return out.success && m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Whether the tests that render deploy/k8s/ run: kubectl (with its built-in Kustomize 5) is on
 * the CI machine image; Debian's kubernetes-client (Kustomize 2) is too old for this layout, so
 * a developer machine without a current kubectl skips them. Under CI they always run.
 */
export const RENDER_SKIPPED: boolean = kustomizeMajor() < 5 && Deno.env.get("CI") !== "true";

/** `kubectl kustomize DIR` (what `kubectl apply -k DIR` applies), parsed. */
export async function renderKustomization(dir: string): Promise<K8sObject[]> {
  let out: Deno.CommandOutput;
  try {
    out = await new Deno.Command("kubectl", {
      args: ["kustomize", dir],
      stdout: "piped",
      stderr: "piped",
    })
      .output();
  } catch (err) {
    throw new Error(`kubectl is needed to render ${dir} (kubectl kustomize): ${err}`);
  }
  const text = new TextDecoder().decode(out.stdout);
  if (!out.success) {
    throw new Error(`kubectl kustomize ${dir} failed:\n${new TextDecoder().decode(out.stderr)}`);
  }
  return parseAllDocuments(text).map((d) => d.toJS() as K8sObject).filter((o) => o !== null);
}

/** Every folder under `root` that holds a kustomization.yaml: each is a set someone may apply. */
export async function kustomizationDirs(root = "deploy/k8s"): Promise<string[]> {
  const dirs: string[] = [];
  const walk = async (dir: string) => {
    for await (const e of Deno.readDir(dir)) {
      if (e.isDirectory) await walk(`${dir}/${e.name}`);
      else if (e.name === "kustomization.yaml") dirs.push(dir);
    }
  };
  await walk(root);
  return dirs.sort();
}

/** A pod template's containers, native sidecars (restartable init containers) included. */
// deno-lint-ignore no-explicit-any
export function podContainers(obj: K8sObject): any[] {
  const pod = obj.spec?.template?.spec;
  return pod ? [...(pod.initContainers ?? []), ...(pod.containers ?? [])] : [];
}

/** The value an env list sets for `name` (plain values only). */
export function envValue(
  env: { name: string; value?: string }[] | undefined,
  name: string,
): string | undefined {
  return env?.find((v) => v.name === name)?.value;
}
