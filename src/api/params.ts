import { z } from "zod";
import { GatewayError } from "../errors/gateway-error.ts";
import { validateFen } from "../chess/fen.ts";
import type { AnalysisRequest } from "./types.ts";

/** Bounds of an analysis request (docs/design.md §2): max depth 30 and max multipv 5 by default. */
export interface AnalysisLimits {
  maxDepth?: number;
  maxMultipv?: number;
}

/** Default request-body limit in bytes: an analysis request is a few hundred bytes. */
export const MAX_BODY_BYTES = 16_384;

// Query strings carry numbers as text, JSON bodies as numbers: accept both, nothing else. A
// preprocess, not a union: a union tries `number` first and builds a failure for every query.
const DIGITS = /^-?\d+$/;
const intLike = z.preprocess(
  (v) => (typeof v === "string" && DIGITS.test(v) ? Number(v) : v),
  z.number(),
);
const rawSchema = z.object({
  fen: z.string({ error: "fen is required" }),
  depth: intLike.optional(),
  multipv: intLike.optional(),
});

function bounded(name: string, value: number | undefined, dflt: number, max: number): number {
  if (value === undefined) return dflt;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new GatewayError(
      "invalid_request",
      `${name} must be an integer between 1 and ${max}, received ${value}`,
      { hint: `Omit ${name} for the default (${dflt}) or pass 1..${max}` },
    );
  }
  return value;
}

/**
 * Validates `{fen, depth, multipv}` from a query or JSON body; throws `invalid_request` or
 * `invalid_fen` (GatewayError) naming the field. Defaults: depth 15, multipv 3.
 */
export function parseAnalysisParams(
  raw: Record<string, unknown>,
  limits: AnalysisLimits = {},
): AnalysisRequest {
  const parsed = rawSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join(".") || "body";
    const message = issue.code === "invalid_type" && raw[field] === undefined
      ? `${field} is required`
      : `${field} must be ${field === "fen" ? "a string" : "an integer"}`;
    throw new GatewayError("invalid_request", message, {
      hint: "Send fen (required), depth (1..30) and multipv (1..5)",
    });
  }
  const { fen, depth, multipv } = parsed.data;
  return {
    fen: validateFen(fen),
    depth: bounded("depth", depth, 15, limits.maxDepth ?? 30),
    multipv: bounded("multipv", multipv, 3, limits.maxMultipv ?? 5),
  };
}
