import { z } from "zod";
import { must, objectRule } from "./messages.ts";
import { spotUrl } from "./spot-url.ts";

const int = (min: number, max: number, unit = "") => {
  const error = must(`an integer between ${min} and ${max}${unit}`);
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

const SPOT_FIELDS = ["id", "url", "region", "priority", "enabled"];
const SPOT_EXAMPLE = '{"id": "local-1", "url": "http://127.0.0.1:8001"}';

/** One spot of spots.json (docs/design.md §6); region defaults to "default", priority to 100. */
export const spotSchema = z.strictObject({
  id: z.string({ error: must('1-64 characters of a-z, 0-9 and "-", such as "local-1"') }).regex(
    /^[a-z0-9-]{1,64}$/,
    { error: must('1-64 characters of a-z, 0-9 and "-", such as "local-1"') },
  ),
  url: spotUrl,
  region: z.string({ error: must('1-64 characters, such as "eu-west"') }).min(1, {
    error: must('1-64 characters, such as "eu-west"'),
  }).max(64, { error: must('1-64 characters, such as "eu-west"') }).default("default"),
  priority: int(0, 200, " (higher is tried first)").default(100),
  enabled: z.boolean({ error: must("true or false") }).default(true),
}, { error: objectRule(`a spot such as ${SPOT_EXAMPLE}`, SPOT_FIELDS) });

/** The most spots a file, ENGINE_SPOTS or ENGINE_URL may list (DNS discovery allows more). */
export const MAX_LISTED_SPOTS = 10;

/** The spot list: 1..10 spots with unique ids. */
export const spotsSchema = z.array(spotSchema, {
  error: must(`a list of 1..${MAX_LISTED_SPOTS} spots such as [${SPOT_EXAMPLE}]`),
}).min(1, { error: "at least 1 spot is required, received an empty list" }).max(
  MAX_LISTED_SPOTS,
  {
    error: (iss) =>
      `at most ${MAX_LISTED_SPOTS} spots are allowed, received ${
        (iss.input as unknown[]).length
      }; for more, discover them with ENGINE_SPOTS_DNS`,
  },
).superRefine((spots, ctx) => {
  const first = new Map<string, number>();
  spots.forEach((s, i) => {
    const earlier = first.get(s.id);
    if (earlier === undefined) return void first.set(s.id, i);
    const message =
      `"${s.id}" is also the id of the spot at [${earlier}]: give every spot its own id`;
    ctx.addIssue({ code: "custom", message, path: [i, "id"] });
  });
});

const FILE_FIELDS = ["spots", "health_check_interval", "request_timeout", "failover_threshold"];

/** spots.json: spots plus health-check interval (s), request timeout (s), failover threshold. */
export const fileSchema = z.strictObject({
  spots: spotsSchema,
  health_check_interval: int(1, 3600, " (seconds)").default(30),
  request_timeout: int(1, 3600, " (seconds)").default(30),
  failover_threshold: int(1, 100, " (failures in a row before a spot is down)").default(3),
}, { error: objectRule(`an object such as {"spots": [${SPOT_EXAMPLE}]}`, FILE_FIELDS) });

/** A validated spot. */
export type SpotConfig = z.infer<typeof spotSchema>;
/** A validated routing config. */
export type RoutingConfig = z.infer<typeof fileSchema>;

/**
 * `path: message` lines with paths written like `spots[1].url`; `name` renames a path (a field
 * set by an environment variable is named after the variable); the root is `root`.
 */
export function formatZodError(
  err: z.ZodError,
  name: (path: string) => string = (p) => p,
  root = "(root)",
): string {
  return err.issues.map((i) => {
    const path = i.path.reduce<string>(
      (p, k) => typeof k === "number" ? `${p}[${k}]` : p ? `${p}.${String(k)}` : String(k),
      "",
    );
    return `${path ? name(path) : root}: ${i.message}`;
  }).join("; ");
}
