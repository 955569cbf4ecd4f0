import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Supervisor, supervise } from '../../server/supervisor.ts';
import { REPO_ROOT } from '../support/serverProcess.ts';
import { waitFor } from '../support/wait.ts';

const SERVER = [process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server', 'main.ts')]] as const;

let cleanup: Array<() => void> = [];
afterEach(() => {
  for (const step of cleanup.reverse()) step();
  cleanup = [];
});

/** A supervisor run in this process, recording what it reports. */
function supervised(env: Record<string, string>, maxCrashes = 5) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-supervisor-'));
  const started: Array<{ url: string; pid: number }> = [];
  const said: string[] = [];
  let exitCode: number | null = null;
  const supervisor: Supervisor = supervise({
    command: SERVER[0],
    args: [...SERVER[1]],
    cwd: REPO_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', DATA_DIR: dataDir, ...env },
    output: 'ignore',
    policy: { baseDelayMs: 50, maxDelayMs: 50, maxCrashes, windowMs: 60_000 },
    say: (line) => said.push(line),
    exit: (code) => {
      exitCode = code;
    },
    onListening: (url, pid) => started.push({ url, pid }),
  });
  cleanup.push(() => {
    // Through the supervisor's handle: a bare pid of a process that has exited may be another's by now.
    supervisor.stop('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return { supervisor, started, said, exitCode: () => exitCode };
}

describe('the supervisor', () => {
  it('restarts a server that dies after starting, and gives up once crashes exceed the limit', {
    timeout: 60_000,
  }, async () => {
    const s = supervised({}, 1);
    const first = await waitFor(() => s.started[0], 'the first start', 30_000);
    // The supervisor's running child: its pid cannot be another process's until the supervisor reaps it.
    process.kill(first.pid, 'SIGKILL');
    const second = await waitFor(() => s.started[1], 'the restart', 30_000);
    expect(second.pid).not.toBe(first.pid);
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
    expect(s.said.join('\n')).toContain('was killed by SIGKILL; restarting it');

    process.kill(second.pid, 'SIGKILL');
    await waitFor(() => s.exitCode() !== null, 'the supervisor to give up', 30_000);
    expect(s.exitCode()).not.toBe(0);
    expect(s.started).toHaveLength(2);
    expect(s.said.at(-1)).toContain('giving up');
  });

  it('does not restart a server that fails before it listens', { timeout: 60_000 }, async () => {
    const s = supervised({ PORT: 'not-a-port' });
    await waitFor(() => s.exitCode() !== null, 'the supervisor to exit', 30_000);
    expect(s.exitCode()).not.toBe(0);
    expect(s.started).toEqual([]);
    expect(s.said.join('\n')).toContain('before it started');
  });

  it('passes SIGTERM on, and ends with the server’s clean exit', { timeout: 60_000 }, async () => {
    const s = supervised({});
    const first = await waitFor(() => s.started[0], 'the start', 30_000);
    s.supervisor.stop('SIGTERM');
    await waitFor(() => s.exitCode() !== null, 'the supervisor to exit', 30_000);
    expect(s.exitCode()).toBe(0);
    await expect(fetch(`${first.url}/healthz`)).rejects.toThrow();
  });
});

describe('`npm start`’s process', () => {
  it('stops its server when only the supervisor receives SIGTERM', { timeout: 90_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-start-'));
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: REPO_ROOT,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, SKIP_CLIENT_BUILD: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    cleanup.push(() => {
      child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    const listening = await waitFor(
      () => /"event":"listening","url":"([^"]+)".*"pid":(\d+)/.exec(output),
      'the address',
      60_000,
    );
    expect(Number(listening[2])).not.toBe(child.pid);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('"event":"stopped"');
    await expect(fetch(`${listening[1]}/healthz`)).rejects.toThrow();
  });
});
