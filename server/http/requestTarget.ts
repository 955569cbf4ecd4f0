// The request-target of an HTTP request as a URL. `new URL(req.url, base)` reads `//` or
// `//host/x` as a scheme-relative address and throws (or changes host); a request-target is
// either a path (origin-form), a whole URL (absolute-form, from proxies), or `*`.

const ORIGIN = 'http://localhost';

/** The target's path and query, or null for one that is not an http(s) resource (`*`, `a:b`). */
export function requestTarget(raw: string | undefined): URL | null {
  if (raw === undefined || raw === '') return null;
  try {
    if (raw.startsWith('/')) return new URL(`${ORIGIN}${raw}`);
    const absolute = new URL(raw);
    if (absolute.protocol !== 'http:' && absolute.protocol !== 'https:') return null;
    return new URL(`${ORIGIN}${absolute.pathname}${absolute.search}`);
  } catch {
    return null;
  }
}
