/**
 * A metric's child per label values, kept. prom-client hashes and validates the label object
 * on every `inc`/`observe`; on the proxied path that is five times per request. Label values
 * are bounded (route patterns, methods, codes, spot ids, outcomes), so the cache is too.
 */
export function labelCache<C>(child: (...values: string[]) => C): (...values: string[]) => C {
  const children = new Map<string, C>();
  return (...values: string[]): C => {
    const key = values.join("\u0001");
    let c = children.get(key);
    if (c === undefined) children.set(key, c = child(...values));
    return c;
  };
}
