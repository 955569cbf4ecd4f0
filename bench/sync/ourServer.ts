// Our sync server as the benchmark runs it: the same configuration from the environment and the
// same startServer as `npm start` (server/main.ts), so every update is stored in SQLite (WAL)
// before it is relayed and every message is checked against the sender's role.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFromEnv } from '../../server/config.ts';
import { startServer } from '../../server/server.ts';
import { serveProbes } from './childProbe.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const config = configFromEnv(process.env, repoRoot);
const server = await startServer(config);
serveProbes(server.url);
