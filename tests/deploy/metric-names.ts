/** Metric names used by the shipped dashboards and rules, to check against a live /metrics. */
import { parse } from "yaml";

const FUNCS = new Set([
  "sum",
  "rate",
  "increase",
  "histogram_quantile",
  "max",
  "min",
  "avg",
  "count",
  "by",
  "without",
  "le",
  "on",
  "ignoring",
  "and",
  "or",
  "unless",
  "bool",
  "group_left",
  "group_right",
  "irate",
]);

/** The metric names in a PromQL expression (identifiers that are not functions or labels). */
export function metricNamesInExpr(expr: string): string[] {
  const noStrings = expr.replace(/"[^"]*"/g, '""').replace(/\{[^}]*\}/g, "{}").replace(
    /\[[^\]]*\]/g,
    "[]",
  );
  const noGroupings = noStrings.replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, "");
  const names = noGroupings.match(/[a-zA-Z_:][a-zA-Z0-9_:]*/g) ?? [];
  return [...new Set(names.filter((n) => !FUNCS.has(n) && !/^\d/.test(n)))];
}

/** The base family of a series name (histogram parts map to their histogram). */
export function family(name: string): string {
  return name.replace(/_(bucket|sum|count)$/, "");
}

/** Every PromQL expression of the dashboards, the alert rules and the KEDA trigger. */
export async function shippedExprs(root = "deploy"): Promise<{ where: string; expr: string }[]> {
  const out: { where: string; expr: string }[] = [];
  for await (const e of Deno.readDir(`${root}/grafana/dashboards`)) {
    const d = JSON.parse(await Deno.readTextFile(`${root}/grafana/dashboards/${e.name}`));
    for (const p of d.panels) {
      for (const t of p.targets ?? []) out.push({ where: `${e.name}: ${p.title}`, expr: t.expr });
    }
  }
  const rules = parse(await Deno.readTextFile(`${root}/prometheus/rules.yml`));
  for (const g of rules.groups) {
    for (const r of g.rules) out.push({ where: `rule ${r.alert}`, expr: r.expr });
  }
  const keda = parse(await Deno.readTextFile(`${root}/k8s/overlays/keda/keda.yaml`));
  for (const t of keda.spec.triggers) out.push({ where: "KEDA trigger", expr: t.metadata.query });
  return out;
}
