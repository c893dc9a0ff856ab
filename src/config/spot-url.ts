import { z } from "zod";
import { must } from "./messages.ts";

const EXAMPLE = 'an http:// or https:// URL such as "http://127.0.0.1:8001"';

/**
 * The rules of a spot URL, which the gateway joins with `/health`, `/analyze` and
 * `/analyze/stream`: http or https; a path prefix is fine (`https://engines.example.com/sf1`,
 * a spot behind a reverse proxy); no credentials, query or fragment, which would either leak
 * or end up in the middle of every joined URL (`/?x=1/health`). Returns why `value` breaks
 * them, or undefined when it does not.
 */
export function spotUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `must be ${EXAMPLE}, received ${JSON.stringify(value)}`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return `must start with http:// or https://, received "${url.protocol}//…"`;
  }
  const base = `${url.origin}${url.pathname}`;
  if (url.username || url.password) {
    return `credentials are not allowed: write "${base}" without "user:password@" (spots are called without credentials)`;
  }
  const query = value.indexOf("?"), hash = value.indexOf("#");
  if (query >= 0 && (hash < 0 || query < hash)) {
    const part = value.slice(query, hash < 0 ? undefined : hash);
    return `a query ("${part}") is not allowed: /health and /analyze are joined under the URL, so write "${base}"`;
  }
  if (hash >= 0) {
    return `a fragment ("${
      value.slice(hash)
    }") is not allowed: /health and /analyze are joined under the URL, so write "${base}"`;
  }
  return undefined;
}

/** A spot URL in the config (zod), refused with `spotUrlProblem`'s words. */
export const spotUrl: z.ZodType<string> = z.string({ error: must(EXAMPLE) }).superRefine(
  (value, ctx) => {
    const problem = spotUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  },
);
