import { GatewayError } from "../errors/gateway-error.ts";

/** The default phase depths (docs/design.md §10): a fast first answer at 8, the final one at 14. */
export const DEFAULT_PHASES: readonly number[] = [8, 14];

/** The most phases a job may ask for. */
export const MAX_PHASES = 3;

const refuse = (message: string, hint: string) =>
  new GatewayError("invalid_request", message, { hint });

/**
 * The phase depths of a request: `phases` as given (ascending, 1..3 of them, each within
 * 1..`maxDepth`), or `[8, depth]` for `depth` alone (`[depth]` when depth ≤ 8), or the default
 * [8, 14]. Both given must agree: `depth` is then the last phase. Throws `invalid_request`.
 */
export function resolvePhases(
  depth: number | undefined,
  phases: number[] | undefined,
  maxDepth = 30,
): number[] {
  const range = `1..${maxDepth}`;
  if (phases === undefined) {
    if (depth === undefined) return [...DEFAULT_PHASES];
    if (!Number.isInteger(depth) || depth < 1 || depth > maxDepth) {
      throw refuse(`depth must be an integer in ${range}, received ${depth}`, "Omit it for 14");
    }
    return depth <= DEFAULT_PHASES[0]! ? [depth] : [DEFAULT_PHASES[0]!, depth];
  }
  const hint = "Send phases as 1 to 3 ascending depths, e.g. [8, 14]";
  if (phases.length < 1 || phases.length > MAX_PHASES) {
    throw refuse(`phases must have 1 to ${MAX_PHASES} depths, received ${phases.length}`, hint);
  }
  phases.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 1 || d > maxDepth) {
      throw refuse(`phases[${i}] must be an integer in ${range}, received ${d}`, hint);
    }
    if (i > 0 && d <= phases[i - 1]!) {
      throw refuse(`phases must ascend: phases[${i}] = ${d} after ${phases[i - 1]}`, hint);
    }
  });
  if (depth !== undefined && depth !== phases.at(-1)) {
    throw refuse(
      `depth ${depth} disagrees with phases ${JSON.stringify(phases)}: depth is the last phase`,
      "Send either depth or phases, or a depth equal to the last phase",
    );
  }
  return [...phases];
}
