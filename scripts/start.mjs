// `npm start`: builds the web client when it is missing or older than its sources, then runs
// the server under a small supervisor (server/supervisor.ts) that restarts it after a crash.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'dist', 'client', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function clientIsStale() {
  if (!fs.existsSync(builtIndex)) return true;
  const built = fs.statSync(builtIndex).mtimeMs;
  const sources = Math.max(newestMtime(path.join(root, 'client')), newestMtime(path.join(root, 'shared')));
  return sources > built;
}

if (process.env.SKIP_CLIENT_BUILD !== '1' && clientIsStale()) {
  process.stderr.write('Building the web client (first start or sources changed)…\n');
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('The client build failed; see the messages above.\n');
    process.exit(result.status ?? 1);
  }
}

const { register } = await import('tsx/esm/api');
register();
const { supervise } = await import(path.join(root, 'server', 'supervisor.ts'));
const supervisor = supervise({
  command: process.execPath,
  args: ['--import', 'tsx', path.join(root, 'server', 'main.ts')],
  cwd: root,
  say: (line) => process.stderr.write(`${line}\n`),
  exit: (code) => process.exit(code),
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => supervisor.stop(signal));
