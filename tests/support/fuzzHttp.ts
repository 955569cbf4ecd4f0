// Seeded generator of hostile HTTP requests for the HTTP fuzz test: every route, with random
// paths (doubled slashes, dot segments, valid and broken percent-encodings, unicode, very long),
// methods, headers (content types, odd and huge Authorization, Expect, Range) and bodies (random
// bytes, JSON of odd shapes, truncated). Two kinds: requests a conforming client can send (sent
// with node:http on keep-alive connections) and raw bytes only a hostile client sends (NULs, raw
// UTF-8, lying Content-Length, bad chunking), sent on a connection of their own.
import { seeded } from './fuzzFrames.ts';

export interface FuzzTargets {
  workshopId: string;
  /** The workshop's current tokens by role (the fuzzer may rotate them). */
  tokens: { facilitator: string; participant: string; viewer: string };
}

export interface ClientRequest {
  kind: 'client';
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | null;
  /** Over the server's header limit: the parser may answer 431 or, with bytes left unread, reset. */
  oversized: boolean;
}

export interface RawRequest {
  kind: 'raw';
  bytes: Buffer;
  oversized: boolean;
}

/** Node's default limit on a request's line and headers together. */
export const MAX_HEADER_BYTES = 16 * 1024;
/** Below this, a request head is certainly within the limit, however the server counts it. */
const SURELY_WITHIN_BYTES = MAX_HEADER_BYTES - 1024;

export type FuzzRequest = ClientRequest | RawRequest;

const ACTIONS = ['session', 'rotate', 'state', 'export', 'import', 'reveal'] as const;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'] as const;
/** Methods the HTTP parser knows but no route serves. */
const ODD_METHODS = ['PROPFIND', 'CONNECT', 'TRACE', 'PURGE', 'M-SEARCH', 'SEARCH', 'LINK'] as const;
/** Methods the HTTP parser itself refuses (sent raw only). */
const JUNK_METHODS = ['FOO', 'X', 'get', 'G ET', '', '\u0000', 'GET\t'] as const;
const STATIC = ['/', '/index.html', '/assets/app.js', '/assets/app.js.map', '/assets/', '/favicon.ico', '/w/x'];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON;CHARSET=UTF-8',
  'application/json; charset=latin1',
  'text/plain; x=application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/jsonx',
  'application/json-patch+json',
  ';',
  '/',
  'application/json;;;;charset=',
  'application/json; charset="utf-8',
  'a'.repeat(3000),
];
const BROKEN_ESCAPES = ['%', '%%', '%zz', '%E0%A4%A', '%C0%AF', '%00', '%2e%2e', '%2F', '%u2215', '%ff%fe', '%F0%9F'];
const UNICODE = ['é', 'आप्रवासी', '😀', '\u202e', '\ufeff', 'Ω'];

/** Latin-1 bytes of the UTF-8 encoding: how raw non-ASCII bytes travel through node:http. */
const utf8AsLatin1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

export function httpRequestGenerator(seed: number, targets: FuzzTargets): () => FuzzRequest {
  const random = seeded(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const chance = (p: number) => random() < p;
  const randomBytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));

  const workshopId = () =>
    pick([
      targets.workshopId,
      targets.workshopId,
      'AAAAAAAAAAAAAAAAAAAAAA',
      '',
      '..',
      '%2e%2e',
      pick(BROKEN_ESCAPES),
      encodeURIComponent(pick(UNICODE)),
      'x'.repeat(1 + int(3000)),
      `${targets.workshopId}${pick(BROKEN_ESCAPES)}`,
    ]);

  const route = (): string => {
    switch (int(6)) {
      case 0:
        return pick(['/healthz', '/readyz', '/metrics', '/api/workshops', '/api/action-plan.schema.json']);
      case 1:
      case 2:
        return `/api/workshops/${workshopId()}/${chance(0.9) ? pick(ACTIONS) : pick(['', 'x', 'state/', '..'])}`;
      case 3:
        return pick(STATIC);
      case 4:
        return `/sync/${workshopId()}`;
      default:
        return `/${Array.from({ length: 1 + int(4) }, () => pick(['api', 'x', '.', '..', '', 'sync', 'w'])).join('/')}`;
    }
  };

  const query = (): string => {
    if (!chance(0.4)) return '';
    const params = [
      `format=${pick(['json', 'xlsx', 'docx', 'md', 'csv', 'pdf', '', '%00', 'json%'])}`,
      `include=${pick(['all', 'agreed', 'some', ''])}`,
      `token=${pick([targets.tokens.viewer, 'x', ''])}`,
      pick(BROKEN_ESCAPES),
      '&&&==',
      `${pick(['a', 'b'])}=${encodeURIComponent(pick(UNICODE))}`,
    ];
    return `?${Array.from({ length: 1 + int(3) }, () => pick(params)).join('&')}`;
  };

  /** A path the HTTP parser accepts: printable ASCII, starting with `/` (the rest is sent raw). */
  const clientPath = (): string => {
    let path = route();
    const mutation = int(10);
    if (mutation === 0) path = `/${path}`;
    else if (mutation === 1) path = `/..${path}`;
    else if (mutation === 2) path = `${path}/./../${pick(BROKEN_ESCAPES)}`;
    else if (mutation === 3) path = `${path}${pick(BROKEN_ESCAPES)}`;
    else if (mutation === 4) path = `${path}/${encodeURIComponent(pick(UNICODE))}`;
    else if (mutation === 5) path = `${path}/${'a'.repeat(chance(0.3) ? 1000 + int(20_000) : int(1000))}`;
    else if (mutation === 6) path = `//${pick(['evil.example', 'localhost', '127.0.0.1:1', ''])}${path}`;
    else if (mutation === 7) path = path.replace(/\//g, pick(['\\', '//', '/%2F']));
    else if (mutation === 8) path = `${path}#${pick(['frag', '', '#'])}`;
    // What makes a backtracking "has an extension" test explode (sirv's did).
    else if (mutation === 9 && chance(0.3)) path = `${path}/${'a.a'.repeat(int(40))}${pick(['!', '', '/'])}`;
    if (!path.startsWith('/')) path = `/${path}`;
    return `${path}${query()}`;
  };

  const authorization = (): string | undefined => {
    switch (int(10)) {
      case 0:
      case 1:
        return undefined;
      case 2:
        return `Bearer ${targets.tokens.facilitator}`;
      case 3:
        return `Bearer ${pick([targets.tokens.participant, targets.tokens.viewer])}`;
      case 4:
        return `Bearer ${'A'.repeat(int(5000))}`;
      case 5:
        // Near and over the server's header limit (16 KiB, where the parser answers 431).
        if (chance(0.7)) return `Bearer ${'D'.repeat(int(1000))}`;
        return chance(0.4) ? `Bearer ${'B'.repeat(20_000)}` : `Bearer ${'C'.repeat(15_000)}`;
      case 6:
        return pick(['Bearer', 'Bearer ', 'bearer x', 'Basic dXNlcjpwYXNz', 'Bearer a b c', 'Token x', '']);
      case 7:
        return `Bearer ${utf8AsLatin1(pick(UNICODE))}`;
      case 8:
        return `Bearer ${targets.tokens.facilitator}${pick(['x', ' ', '\t'])}`;
      default:
        return `Bearer ${randomBytes(24).toString('base64url')}`;
    }
  };

  const jsonBody = (): string => {
    const shapes: unknown[] = [
      { title: 'Fuzzed workshop' },
      { title: pick([null, 1, '', ' ', 'x'.repeat(300), [], {}, true, '\u0000', utf8AsLatin1('é')]) },
      { role: pick(['facilitator', 'participant', 'viewer', 'admin', null, 1]) },
      { anonymous: pick([true, false, 'yes', null]) },
      { __proto__: { polluted: true }, constructor: { prototype: { x: 1 } } },
      [],
      [[[[[[[[[[[]]]]]]]]]]],
      null,
      1e308,
      '"string"',
      { schemaVersion: 1, workshop: { title: 'x' }, interventions: [{ id: 1 }] },
      { interventions: Array.from({ length: int(50) }, () => ({})) },
    ];
    return JSON.stringify(pick(shapes)) ?? 'null';
  };

  const body = (): Buffer | null => {
    switch (int(8)) {
      case 0:
      case 1:
        return null;
      case 2:
        return randomBytes(int(2000));
      case 3: {
        const text = jsonBody();
        return Buffer.from(text.slice(0, int(text.length)));
      }
      case 4:
        // Sometimes past the JSON limit of 64 KiB.
        return Buffer.from(`{"title":"${'x'.repeat(chance(0.2) ? 70_000 : int(500))}"}`);
      case 5:
        return Buffer.from(pick(['{', '}', '{"title":', '\ufeff{"title":"bom"}', 'null', '', '{"a":1}{"b":2}']));
      default:
        return Buffer.from(jsonBody());
    }
  };

  const clientRequest = (): ClientRequest => {
    const method = chance(0.95) ? pick(METHODS) : pick(ODD_METHODS);
    const headers: Record<string, string> = {};
    const auth = authorization();
    if (auth !== undefined) headers.authorization = auth;
    if (chance(0.6)) headers['content-type'] = pick(CONTENT_TYPES);
    if (chance(0.2)) headers['accept-encoding'] = pick(['gzip', 'br', 'gzip;q=0', '*', 'identity']);
    if (chance(0.1))
      headers.range = pick(['bytes=5-2', 'bytes=-5', 'bytes=0-', 'bytes=999999-', 'lines=1-2', 'bytes=x']);
    // A refused expectation leaves the body unread on the connection: only without a body.
    const expectation = chance(0.05) ? pick(['100-continue', 'nonsense']) : null;
    if (expectation) headers.expect = expectation;
    if (chance(0.05)) headers['if-none-match'] = pick(['*', 'W/"1-2"', '"x"']);
    if (chance(0.05)) headers['x-forwarded-for'] = pick(['1.2.3.4', 'x'.repeat(500)]);
    if (chance(0.05)) headers.host = pick(['evil.example', "x; script-src 'unsafe-inline'", '[::1]:1', '']);
    const payload = method === 'HEAD' || expectation ? null : body();
    // Framed explicitly: node:http sends a GET's or DELETE's body unframed otherwise.
    if (payload) headers['content-length'] = String(payload.length);
    const path = clientPath();
    const headBytes = method.length + path.length + Object.entries(headers).join('\r\n').length;
    return { kind: 'client', method, path, headers, body: payload, oversized: headBytes > SURELY_WITHIN_BYTES };
  };

  const rawRequest = (): RawRequest => {
    const method = pick([...METHODS, ...ODD_METHODS, ...JUNK_METHODS]);
    const path = pick([
      () => clientPath(),
      () => `${route()}\u0000${pick(['', 'x', '/'])}`,
      () => `${route()}/${pick(UNICODE)}`,
      () => `${route()}/${utf8AsLatin1(pick(UNICODE))}`,
      () => clientPath().replace(/\//g, '\\'),
      () => `${route()} x`,
      () => '*',
      () => `http://${pick(['localhost', 'evil.example'])}${route()}`,
      () => pick(['', 'healthz', '//', '/..', '/%E0%A4%A']),
    ])();
    const version = pick(['HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/1.', 'FOO/1.1', '']);
    const lines = [`${method} ${path} ${version}`];
    if (chance(0.9)) lines.push('Host: 127.0.0.1');
    lines.push('Connection: close');
    const auth = authorization();
    if (auth !== undefined) lines.push(`Authorization: ${auth}`);
    if (chance(0.5)) lines.push(`Content-Type: ${pick(CONTENT_TYPES)}`);
    if (chance(0.1))
      lines.push(pick(['X-Odd: a\u0000b', 'X-Odd:\u00ff', 'NoColon', ' Folded: x', 'X-Odd: \u001b[31m']));
    let payload = body() ?? Buffer.alloc(0);
    switch (int(6)) {
      case 0:
        lines.push(`Content-Length: ${pick(['abc', '-1', '1, 2', '1.5', '0x10', '99999999999999999999', ' '])}`);
        break;
      case 1:
        lines.push(`Content-Length: ${payload.length}`, `Content-Length: ${payload.length + 1}`);
        break;
      case 2:
        // Shorter than the body: the rest reads as a second request, which Connection: close ignores.
        lines.push(`Content-Length: ${int(payload.length + 1)}`);
        break;
      case 3:
        lines.push('Transfer-Encoding: chunked');
        payload = Buffer.from(pick(['zz\r\nabc\r\n0\r\n\r\n', '3\r\nabcdef\r\n0\r\n\r\n', '0\r\n\r\n', '-1\r\n\r\n']));
        break;
      case 4:
        lines.push('Transfer-Encoding: chunked', `Content-Length: ${payload.length}`);
        payload = Buffer.from('0\r\n\r\n');
        break;
      default:
        lines.push(`Content-Length: ${payload.length}`);
    }
    const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, chance(0.5) ? 'utf8' : 'latin1');
    return { kind: 'raw', bytes: Buffer.concat([head, payload]), oversized: head.length > SURELY_WITHIN_BYTES };
  };

  /** A request as the client sends it, so that every route's deep end is reached too. */
  const wellFormed = (): ClientRequest => {
    const json = (value: unknown) => Buffer.from(JSON.stringify(value));
    const as = (role: keyof FuzzTargets['tokens']) => ({ authorization: `Bearer ${targets.tokens[role]}` });
    const id = targets.workshopId;
    const [method, path, headers, body] = pick<[string, string, Record<string, string>, Buffer | null]>([
      ['POST', '/api/workshops', {}, json({ title: `Fuzz ${int(1000)}` })],
      ['GET', `/api/workshops/${id}/session`, as(pick(['facilitator', 'participant', 'viewer'] as const)), null],
      ['GET', `/api/workshops/${id}/state`, { ...as('viewer'), 'accept-encoding': 'gzip' }, null],
      ['GET', `/api/workshops/${id}/export?format=${pick(['json', 'md', 'csv'])}`, as('participant'), null],
      ['POST', `/api/workshops/${id}/reveal`, as('participant'), json({ anonymous: true })],
      ['POST', `/api/workshops/${id}/import`, as('facilitator'), json({ interventions: [] })],
    ]);
    const framed = body
      ? { ...headers, 'content-type': 'application/json', 'content-length': String(body.length) }
      : headers;
    return { kind: 'client', method, path, headers: framed, body, oversized: false };
  };

  return () => {
    const roll = random();
    if (roll < 0.03) return wellFormed();
    return roll < 0.92 ? clientRequest() : rawRequest();
  };
}
