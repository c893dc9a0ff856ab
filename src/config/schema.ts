import { z } from "zod";

const spotUrl = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return ctx.addIssue({ code: "custom", message: `must be a URL, received "${value}"` });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    ctx.addIssue({ code: "custom", message: `must be http or https, received "${url.protocol}"` });
  }
  if (url.username || url.password) {
    ctx.addIssue({ code: "custom", message: "credentials are not allowed" });
  }
});

const int = (name: string, min: number, max: number) =>
  z.number({ error: `${name} must be a number` }).int(`${name} must be an integer`).min(
    min,
    `must be between ${min} and ${max}`,
  ).max(max, `must be between ${min} and ${max}`);

/** One spot of spots.json (DESIGN §6); region defaults to "default", priority to 100. */
export const spotSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/, "must be 1-64 characters of [a-z0-9-]"),
  url: spotUrl,
  region: z.string().min(1).max(64).default("default"),
  priority: int("priority", 0, 200).default(100),
  enabled: z.boolean().default(true),
}).strict();

/** The spot list: 1..10 spots with unique ids. */
export const spotsSchema = z.array(spotSchema).min(1, "at least 1 spot is required").max(
  10,
  "at most 10 spots are allowed",
).superRefine((spots, ctx) => {
  const seen = new Set<string>();
  for (const s of spots) {
    if (seen.has(s.id)) {
      ctx.addIssue({ code: "custom", message: `ids must be unique, "${s.id}" appears twice` });
    }
    seen.add(s.id);
  }
});

/** spots.json: spots plus health-check interval (s), request timeout (s), failover threshold. */
export const fileSchema = z.object({
  spots: spotsSchema,
  health_check_interval: int("health_check_interval", 1, 3600).default(30),
  request_timeout: int("request_timeout", 1, 3600).default(30),
  failover_threshold: int("failover_threshold", 1, 100).default(3),
}).strict();

/** A validated spot. */
export type SpotConfig = z.infer<typeof spotSchema>;
/** A validated routing config. */
export type RoutingConfig = z.infer<typeof fileSchema>;

/** `path: message` lines with paths written like `spots[1].url`. */
export function formatZodError(err: z.ZodError): string {
  return err.issues.map((i) => {
    const path = i.path.reduce<string>(
      (p, k) => typeof k === "number" ? `${p}[${k}]` : p ? `${p}.${String(k)}` : String(k),
      "",
    );
    return `${path || "(root)"}: ${i.message}`;
  }).join("; ");
}
