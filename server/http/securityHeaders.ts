// The headers every HTTP answer carries (the client, the API, errors alike). The policy allows
// exactly what the built client uses: its own scripts and styles (no inline code: React sets
// style properties through the CSSOM, which style-src does not govern), images from data: and
// blob: URLs (QR codes, icons in CSS, board PNGs), requests and the sync socket to this host;
// and it forbids framing (clickjacking), plugins, <base> rewriting and forms posting elsewhere.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A Host header we are willing to echo into a header: a DNS name or IP literal and a port. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/**
 * The WebSocket origins of the sync socket. CSP Level 3 lets 'self' match ws:/wss: of the same
 * host, but not every browser in use implements it, so they are named: from PUBLIC_URL when set,
 * else from the request's Host (both schemes: a TLS proxy may sit in front).
 */
export function socketSources(publicUrl: string | undefined, hostHeader: string | undefined): string[] {
  const url = publicUrl ? URL.parse(publicUrl) : null;
  if (url) return [`${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}`];
  if (hostHeader === undefined || !HOST.test(hostHeader)) return [];
  return [`ws://${hostHeader}`, `wss://${hostHeader}`];
}

export function contentSecurityPolicy(socketOrigins: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${["'self'", ...socketOrigins].join(' ')}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(socketOrigins: readonly string[]): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(socketOrigins),
    'x-content-type-options': 'nosniff',
    // For browsers without frame-ancestors.
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
  };
}

/** Sets the headers on `res` before any route writes it; a route's own headers are added to them. */
export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse, publicUrl: string | undefined): void {
  for (const [name, value] of Object.entries(securityHeaders(socketSources(publicUrl, req.headers.host)))) {
    res.setHeader(name, value);
  }
}
