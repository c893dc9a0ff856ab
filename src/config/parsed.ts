import { z } from "zod";

/**
 * An optional environment variable turned into a value by `parse`, which throws a "must be …"
 * message for a bad one (readEnv adds the variable's name and what it holds).
 */
export function parsedBy<T>(parse: (value: string) => T): z.ZodOptional<z.ZodType<T, string>> {
  return z.string().transform((value, ctx): T => {
    try {
      return parse(value);
    } catch (err) {
      ctx.addIssue({ code: "custom", message: (err as Error).message });
      return z.NEVER;
    }
  }).optional();
}
