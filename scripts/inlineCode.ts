// Inline code in an HTML page: what a Content-Security-Policy without 'unsafe-inline' blocks
// (server/http/securityHeaders.ts). The client build fails on any, so the page that passes the
// build also passes the policy.

const CHECKS: ReadonlyArray<[RegExp, string]> = [
  [/<script\b(?![^>]*\bsrc\s*=)[^>]*>/gi, 'an inline <script>'],
  [/<style\b[^>]*>/gi, 'a <style> element'],
  [/<[a-z][^>]*\sstyle\s*=/gi, 'a style attribute'],
  [/<[a-z][^>]*\son[a-z]+\s*=/gi, 'an inline event handler'],
  [/\bjavascript:/gi, 'a javascript: URL'],
];

/** One line per piece of inline code found in `html`; empty when there is none. */
export function inlineCodeIn(html: string): string[] {
  const found: string[] = [];
  for (const [pattern, what] of CHECKS) {
    for (const match of html.matchAll(pattern)) found.push(`${what}: ${match[0].slice(0, 80)}`);
  }
  return found;
}
