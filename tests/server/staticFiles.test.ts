import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namesFile } from '../../server/http/staticFiles.ts';
import { type RunningServer, startServer } from '../../server/server.ts';
import { rawRequest } from '../support/rawHttp.ts';

describe('namesFile', () => {
  it('is true when the last segment has an extension, whatever comes before it', () => {
    for (const p of ['/assets/app.js', '/favicon.ico', '/w/x.y', '/a.b/c.d', '/..', `/${'a.a'.repeat(1000)}!`]) {
      expect(namesFile(p), p).toBe(true);
    }
  });

  it('is false for the app’s routes and dot-files', () => {
    for (const p of ['/', '/w/AbC-_09', '/a.b/c', '/.well-known', '']) expect(namesFile(p), p).toBe(false);
  });
});

describe('the built client as served', () => {
  let server: RunningServer;
  let dataDir = '';
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-static-'));
    const clientDir = path.join(dataDir, 'client');
    fs.mkdirSync(path.join(clientDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><div id="root"></div>');
    fs.writeFileSync(path.join(clientDir, 'assets', 'app.js'), 'export const app = 1;');
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, clientDir, logLevel: 'silent' });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers the app’s routes with the page, and a missing file with 404', async () => {
    for (const route of ['/', '/w/AbC-_09', '/w/AbC/']) {
      const res = await fetch(`${server.url}${route}`);
      expect(res.status, route).toBe(200);
      expect(await res.text()).toContain('<div id="root">');
    }
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
    expect(await (await fetch(`${server.url}/assets/app.js`)).text()).toBe('export const app = 1;');
  });

  it('answers a Range request with the whole file', async () => {
    const res = await fetch(`${server.url}/assets/app.js`, { headers: { range: 'bytes=0-3' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('export const app = 1;');
  });

  it('serves an absolute-form request (as from a proxy) by its path', async () => {
    const answer = await rawRequest(
      server.url,
      'GET http://elsewhere.example/assets/app.js HTTP/1.1\r\nHost: elsewhere.example\r\nConnection: close\r\n\r\n',
    );
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('export const app = 1;');
  });
});
