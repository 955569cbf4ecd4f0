import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inlineCodeIn } from '../../scripts/inlineCode.ts';
import { contentSecurityPolicy, socketSources } from '../../server/http/securityHeaders.ts';
import { type RunningServer, type StartOptions, startServer } from '../../server/server.ts';

/** The policy as directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('the Content-Security-Policy', () => {
  it('allows only this origin’s scripts and styles, and nothing inline or evaluated', () => {
    const policy = directives(contentSecurityPolicy([]));
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy(['ws://a:1'])).not.toMatch(/unsafe|\*/);
  });

  it('forbids framing, plugins, <base> and posting forms elsewhere', () => {
    const policy = directives(contentSecurityPolicy([]));
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('names the sync socket’s origins in connect-src', () => {
    const policy = directives(contentSecurityPolicy(['ws://board:1234', 'wss://board:1234']));
    expect(policy.get('connect-src')).toEqual(["'self'", 'ws://board:1234', 'wss://board:1234']);
  });
});

describe('socketSources', () => {
  it('takes the socket origin from PUBLIC_URL when set, with the scheme it implies', () => {
    expect(socketSources('https://board.example.org', 'evil.example')).toEqual(['wss://board.example.org']);
    expect(socketSources('http://10.0.0.2:8080', undefined)).toEqual(['ws://10.0.0.2:8080']);
  });

  it('takes it from the Host header otherwise, in both schemes, for a plain host name or address', () => {
    expect(socketSources(undefined, 'localhost:1234')).toEqual(['ws://localhost:1234', 'wss://localhost:1234']);
    expect(socketSources(undefined, '[::1]:80')).toEqual(['ws://[::1]:80', 'wss://[::1]:80']);
  });

  it('names nothing for a Host that could inject into the header', () => {
    for (const host of [undefined, '', 'a b', "x; script-src 'unsafe-inline'", 'x,y', 'é.example', 'a:b:c', '-x']) {
      expect(socketSources(undefined, host), String(host)).toEqual([]);
    }
  });
});

describe('inlineCodeIn', () => {
  it('finds inline scripts, style elements and attributes, event handlers and javascript: URLs', () => {
    const page = '<script>a()</script><style>p{}</style><p style="x"></p><img onerror="b()"><a href="javascript:c()">';
    expect(inlineCodeIn(page)).toHaveLength(5);
  });

  it('accepts a page whose scripts and styles are all files', () => {
    const page =
      '<script type="module" crossorigin src="/assets/index.js"></script><link rel="stylesheet" href="/a.css">';
    expect(inlineCodeIn(page)).toEqual([]);
  });
});

const EXPECTED = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

describe('a live server’s answers', () => {
  let server: RunningServer;
  let dataDir = '';
  afterEach(async () => {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(options: Partial<StartOptions> = {}): Promise<RunningServer> {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-headers-'));
    const clientDir = path.join(dataDir, 'client');
    fs.mkdirSync(path.join(clientDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><div id="root"></div>');
    fs.writeFileSync(path.join(clientDir, 'assets', 'app.js'), 'export {};\n//# sourceMappingURL=app.js.map');
    fs.writeFileSync(path.join(clientDir, 'assets', 'app.js.map'), '{"version":3}');
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, clientDir, logLevel: 'silent', ...options });
    return server;
  }

  it('carries every security header on HEAD / (as curl -sI shows them)', async () => {
    await start();
    const res = await fetch(`${server.url}/`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    for (const [name, value] of Object.entries(EXPECTED)) expect(res.headers.get(name), name).toBe(value);
    const port = new URL(server.url).port;
    expect(res.headers.get('content-security-policy')).toBe(
      contentSecurityPolicy([`ws://127.0.0.1:${port}`, `wss://127.0.0.1:${port}`]),
    );
  });

  it('carries them on API answers and refusals too', async () => {
    await start();
    for (const [url, status] of [
      ['/healthz', 200],
      ['/api/nothing', 404],
      ['/api/workshops', 405],
    ] as const) {
      const res = await fetch(`${server.url}${url}`);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-security-policy'), url).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
    }
  });

  it('does not serve source maps unless asked to, even when they were built', async () => {
    await start();
    expect((await fetch(`${server.url}/assets/app.js`)).status).toBe(200);
    const map = await fetch(`${server.url}/assets/app.js.map`);
    expect(map.status).toBe(404);
    expect(await map.text()).not.toContain('version');
  });

  it('serves source maps with serveSourceMaps (SERVE_SOURCEMAPS=1)', async () => {
    await start({ serveSourceMaps: true });
    const map = await fetch(`${server.url}/assets/app.js.map`);
    expect(map.status).toBe(200);
    expect(await map.json()).toEqual({ version: 3 });
  });
});
