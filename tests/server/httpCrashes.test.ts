// Requests that once ended or stalled the server process, each sent to a real process: it must
// answer them and go on serving. (Each of these killed or froze the server at commit d84a047.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawRequest } from '../support/rawHttp.ts';
import { type ServerProcess, spawnServer } from '../support/serverProcess.ts';
import { sleep } from '../support/wait.ts';

let server: ServerProcess;
let dataDir = '';

// A process per test, so that each test fails on its own request on code that dies of it.
beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-crashes-'));
  // A client of its own: the test does not depend on a build of the real one.
  const clientDir = path.join(dataDir, 'client');
  fs.mkdirSync(clientDir);
  fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><div id="root"></div>');
  server = await spawnServer({ DATA_DIR: dataDir, CLIENT_DIR: clientDir, LOG_LEVEL: 'error' });
});
afterEach(async () => {
  server.child.kill('SIGKILL');
  await server.exited;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Sends `request`, then checks that the process is alive and still answers /healthz. */
async function survives(request: string): Promise<number | null> {
  const answer = await rawRequest(server.url, request);
  // An unhandled rejection ends the process on the next turns of the loop, not at once.
  await sleep(200);
  expect(server.child.exitCode, server.output()).toBeNull();
  const health = await fetch(`${server.url}/healthz`);
  expect(health.status).toBe(200);
  return answer.status;
}

describe('requests that ended or froze the server process', () => {
  it('answers GET // with the client instead of dying on a scheme-relative URL', async () => {
    expect(await survives('GET // HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toBe(200);
    expect(await survives('GET //evil.example/api/workshops HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toBe(
      200,
    );
  });

  it('answers a static file asked with a backwards Range (bytes=5-2) in full', async () => {
    const status = await survives('GET / HTTP/1.1\r\nHost: x\r\nRange: bytes=5-2\r\nConnection: close\r\n\r\n');
    expect(status).toBe(200);
  });

  it('answers a path that made the static files’ extension test backtrack for ever, at once', async () => {
    // sirv's /[/]([A-Za-z\s\d~$._-]+\.\w+){1,}$/ takes about a second at 60 characters of this,
    // doubling with each 3 more; this one would hold the event loop for days.
    const path = `/w/${'a.a'.repeat(40)}!`;
    const started = performance.now();
    const answer = await rawRequest(server.url, `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, 2_000);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(answer.status).toBe(404);
    expect(await survives(`GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)).toBe(200);
  });

  it('refuses a WebSocket upgrade to a path with a malformed percent-encoding with 400', async () => {
    const status = await survives(
      'GET /sync/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    expect(status).toBe(400);
  });
});
