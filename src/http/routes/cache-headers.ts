/** Whether a request's `Cache-Control` asks for a fresh answer (`no-cache`, or `no-store`). */
export function noCache(cacheControl: string | undefined): boolean {
  return cacheControl !== undefined && /(^|[\s,])no-(cache|store)\b/i.test(cacheControl);
}
