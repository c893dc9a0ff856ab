import type { ConsoleAsset } from "./console-assets.ts";

/**
 * The console's Content-Security-Policy: scripts, styles and connections from the gateway
 * only, nothing inline (no `'unsafe-inline'`); images also as `data:` URIs, which is how
 * chessground's stylesheets carry the pieces. No frames, no plugins, no form posts elsewhere.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** Headers every console answer carries. */
export const CONSOLE_HEADERS: Record<string, string> = {
  "Content-Security-Policy": CONSOLE_CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** Whether an `If-None-Match` header names this ETag (or is `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim().replace(/^W\//, "");
    return tag === "*" || tag === etag;
  });
}

/** Whether an `Accept-Encoding` header takes gzip (and does not refuse it with `q=0`). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return (acceptEncoding ?? "").split(",").some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return (name === "gzip" || name === "*") && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/**
 * The answer for one asset: 304 when the client has it, else the bytes (gzipped when the
 * client takes gzip); the page revalidated every time, hashed files cached for a year.
 */
export function assetResponse(
  asset: ConsoleAsset,
  req: { ifNoneMatch?: string; acceptEncoding?: string },
  head = false,
): Response {
  const headers = new Headers({
    ...CONSOLE_HEADERS,
    "Content-Type": asset.type,
    ETag: asset.etag,
    Vary: "Accept-Encoding",
    "Cache-Control": asset.immutable ? "public, max-age=31536000, immutable" : "no-cache",
  });
  if (matchesEtag(req.ifNoneMatch, asset.etag)) return new Response(null, { status: 304, headers });
  const zipped = acceptsGzip(req.acceptEncoding);
  if (zipped) headers.set("Content-Encoding", "gzip");
  const body = zipped ? asset.gzip : asset.body;
  headers.set("Content-Length", String(body.length));
  return new Response(head ? null : body as BodyInit, { headers });
}
