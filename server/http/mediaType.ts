// The media type of a request body, parsed exactly. Matching a substring of Content-Type let a
// cross-site `text/plain; x=application/json` form post (which needs no CORS preflight) pass as
// JSON; only the type/subtype before the first `;` decides, and a charset, if given, must be UTF-8.

export interface MediaType {
  /** `type/subtype`, lower-cased. */
  essence: string;
  /** The charset parameter, lower-cased and unquoted, or null when absent. */
  charset: string | null;
}

/** RFC 9110 token characters (type, subtype and parameter names). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function unquoted(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"')
    ? value.slice(1, -1).replace(/\\(.)/g, '$1')
    : value;
}

/** Parses a Content-Type header value; null when it is absent or not `type/subtype[; params]`. */
export function parseMediaType(header: string | undefined): MediaType | null {
  if (header === undefined) return null;
  const [head = '', ...params] = header.split(';');
  const slash = head.indexOf('/');
  if (slash < 0) return null;
  const type = head.slice(0, slash).trim();
  const subtype = head.slice(slash + 1).trim();
  if (!TOKEN.test(type) || !TOKEN.test(subtype)) return null;
  let charset: string | null = null;
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    if (param.slice(0, eq).trim().toLowerCase() === 'charset')
      charset = unquoted(param.slice(eq + 1).trim()).toLowerCase();
  }
  return { essence: `${type}/${subtype}`.toLowerCase(), charset };
}

/** True when a body with this Content-Type is JSON we can read: `application/json`, UTF-8 if a charset is named. */
export function isJsonMediaType(header: string | undefined): boolean {
  const media = parseMediaType(header);
  if (media?.essence !== 'application/json') return false;
  return media.charset === null || media.charset === 'utf-8';
}
