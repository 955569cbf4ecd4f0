// `npm start` runs this: configuration from the environment, then serve until SIGTERM/SIGINT.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFromEnv } from './config.ts';
import { startServer } from './server.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = configFromEnv(process.env, repoRoot);
const server = await startServer(config);
// The one line a person needs: where to open the product.
process.stdout.write(
  `${JSON.stringify({ level: 30, time: Date.now(), event: 'listening', url: server.url, dataDir: config.dataDir })}\n`,
);
process.stderr.write(`\n  SDG workshop board is running: open ${server.url}\n  data: ${config.dataDir}\n\n`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  });
}
