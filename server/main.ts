// The server process (`npm start` runs it under scripts/start.mjs, which restarts it after a
// crash): configuration from the environment, then serve until SIGTERM/SIGINT.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { configFromEnv } from './config.ts';
import { installProcessGuard } from './processGuard.ts';
import { startServer } from './server.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = configFromEnv(process.env, repoRoot);
const server = await startServer(config);
// The one line a person needs: where to open the product.
process.stdout.write(
  `${JSON.stringify({ level: 30, time: Date.now(), event: 'listening', url: server.url, dataDir: config.dataDir, pid: process.pid })}\n`,
);
process.stderr.write(`\n  SDG workshop board is running: open ${server.url}\n  data: ${config.dataDir}\n\n`);
// Tells a supervisor that this start succeeded (so a later crash is worth a restart).
process.send?.({ event: 'listening', url: server.url });

installProcessGuard(process, {
  log: pino({ level: config.logLevel, base: undefined }),
  counters: server.counters,
  shutdown: () => server.close(),
  exit: (code) => process.exit(code),
});

let stopping = false;
function stop(reason: string): void {
  if (stopping) return;
  stopping = true;
  server.close().then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`shutdown failed (${reason}): ${String(error)}\n`);
      process.exit(1);
    },
  );
}
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stop(signal));
// A supervisor that died without stopping us would leave a server nobody can stop or restart.
if (process.connected) process.on('disconnect', () => stop('supervisor gone'));
