import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { guardRequests, type RequestHandler } from '../../server/http/guardRequests.ts';
import { HttpError } from '../../server/http/json.ts';
import { currentRequest } from '../../server/http/requestScope.ts';
import { requestTarget } from '../../server/http/requestTarget.ts';
import { Counters } from '../../server/metrics/counters.ts';
import { InputError } from '../../server/workshops.ts';

describe('requestTarget', () => {
  it('reads a path, keeping `//` and a host-like first segment as path', () => {
    expect(requestTarget('//')?.pathname).toBe('//');
    expect(requestTarget('//evil.example/x?y=1')?.pathname).toBe('//evil.example/x');
    expect(requestTarget('/api/workshops?a=1')?.searchParams.get('a')).toBe('1');
    expect(requestTarget('/%E0%A4%A')?.pathname).toBe('/%E0%A4%A');
  });

  it('reduces an absolute-form target to its path and query, whatever its host', () => {
    const url = requestTarget('http://elsewhere.example:81/healthz?x=1');
    expect(url?.host).toBe('localhost');
    expect(`${url?.pathname}${url?.search}`).toBe('/healthz?x=1');
  });

  it('has no URL for `*`, an empty target, or another scheme', () => {
    for (const raw of ['*', '', undefined, 'javascript:alert(1)', 'file:///etc/passwd', 'healthz', 'http://[::1']) {
      expect(requestTarget(raw), String(raw)).toBeNull();
    }
  });
});

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((resolve) => s.close(resolve));
});

/** A server running `handler` behind the guard, with the JSON log lines it wrote. */
async function guarded(handler: RequestHandler) {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const counters = new Counters();
  const server = http.createServer(guardRequests(handler, pino({ level: 'debug' }, sink), counters));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, lines, counters };
}

describe('guardRequests', () => {
  it('answers a synchronous throw with 500 and logs it with the method and path, not the query', async () => {
    const s = await guarded(() => {
      throw new Error('boom');
    });
    const res = await fetch(`${s.url}/x/y?secret=1`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'internal error' });
    const logged = s.lines.find((l) => l.event === 'http-error');
    expect(logged).toMatchObject({ method: 'GET', path: '/x/y' });
    expect(JSON.stringify(s.lines)).not.toContain('secret');
    expect(s.counters.internalErrors.get('http')).toBe(1);
  });

  it('answers a rejection with its HttpError status and message, without logging an error', async () => {
    const s = await guarded(async () => {
      await Promise.resolve();
      throw new HttpError(409, 'taken');
    });
    const res = await fetch(s.url);
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: 'taken' });
    expect(s.lines.filter((l) => l.level === 50)).toEqual([]);
  });

  it('answers bad input and malformed percent-encodings with 400', async () => {
    const input = await guarded(() => {
      throw new InputError('title: expected a string');
    });
    expect((await fetch(input.url)).status).toBe(400);
    const uri = await guarded((req) => {
      decodeURIComponent(String(req.url).slice(1));
    });
    const res = await fetch(`${uri.url}/%E0%A4%A`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('percent-encoding');
  });

  it('answers an error thrown after the whole body was read (the request stream is then destroyed)', async () => {
    const s = await guarded(async (req) => {
      for await (const _chunk of req) {
        // drained
      }
      throw new HttpError(400, 'bad body');
    });
    const res = await fetch(s.url, { method: 'POST', body: 'x'.repeat(1000) });
    expect(res.status).toBe(400);
  });

  it('logs a client that leaves mid-body as gone, not as a server failure', async () => {
    let failed: (() => void) | null = null;
    const settled = new Promise<void>((resolve) => {
      failed = resolve;
    });
    const s = await guarded(async (req) => {
      try {
        for await (const _chunk of req) {
          // waiting for the rest of the body
        }
      } finally {
        setTimeout(() => failed?.(), 50);
      }
    });
    const { port } = new URL(s.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\npartial');
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await settled;
    expect(s.lines.filter((l) => l.level === 50)).toEqual([]);
    expect(s.lines.some((l) => l.event === 'request-aborted')).toBe(true);
    expect(s.counters.internalErrors.size).toBe(0);
  });

  it('cuts short a response that fails after its headers went out, and keeps serving', async () => {
    let calls = 0;
    const s = await guarded(async (_req, res) => {
      if (calls++ > 0) {
        res.end('fine');
        return;
      }
      res.writeHead(200, { 'content-length': 100 });
      res.write('partial');
      await Promise.resolve();
      throw new Error('late');
    });
    await expect(fetch(s.url).then((r) => r.text())).rejects.toThrow();
    expect(await (await fetch(s.url)).text()).toBe('fine');
  });

  it('runs the handler, and what it schedules, in the scope of its request', async () => {
    const seen: unknown[] = [];
    const s = await guarded((_req, res) => {
      setTimeout(() => {
        seen.push(currentRequest());
        res.end();
      }, 1);
    });
    await fetch(`${s.url}/scoped?q=1`, { method: 'DELETE' });
    expect(seen).toEqual([{ method: 'DELETE', path: '/scoped' }]);
    expect(currentRequest()).toBeUndefined();
  });
});
