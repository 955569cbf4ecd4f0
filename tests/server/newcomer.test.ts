import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/serverProcess.ts';

let stop: (() => void) | null = null;
let dataDir = '';

afterEach(() => {
  stop?.();
  stop = null;
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a newcomer’s `npm start`', () => {
  it('serves the client and /healthz at the address it prints', { timeout: 180_000 }, async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-start-'));
    // Exactly the README's command, in its own process group so the whole tree can be stopped.
    const child = spawn('npm', ['start'], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    stop = () => {
      try {
        process.kill(-(child.pid as number), 'SIGTERM');
      } catch {
        // already gone
      }
    };
    let output = '';
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed in 150 s:\n${output}`)), 150_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /open (http:\/\/\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1] as string);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });

    const page = await fetch(`${address}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<div id="root">');

    const health = await fetch(`${address}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });

    // A deep link to a board is answered by the client too (the SPA fallback).
    const board = await fetch(`${address}/w/some-workshop`);
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('<div id="root">');

    // SIGTERM (as Ctrl-C or a service manager sends to the group) stops the server cleanly.
    const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
    stop();
    stop = null;
    await exited;
    expect(output).toContain('"event":"stopped"');
  });
});
