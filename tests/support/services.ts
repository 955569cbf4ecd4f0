// PostgreSQL and Redis for the tests that need them. Missing services fail with what to install
// when CI=true, and are skipped with the same message otherwise.
import net from 'node:net';
import pg from 'pg';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function reachable(url: string, defaultPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || defaultPort) });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export const POSTGRES_MISSING =
  'PostgreSQL is not reachable at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres): install and start it (Debian: apt-get install postgresql; pg_ctlcluster 15 main start) or set TEST_DATABASE_URL';
export const REDIS_MISSING =
  'Redis is not reachable at TEST_REDIS_URL (default redis://127.0.0.1:6379): install and start it (Debian: apt-get install redis-server; redis-server --daemonize yes) or set TEST_REDIS_URL';

/** True when the service is there; throws in CI when it is not; false (skip) elsewhere. */
export async function serviceAvailable(which: 'postgres' | 'redis'): Promise<boolean> {
  const ok = which === 'postgres' ? await reachable(TEST_DATABASE_URL, 5432) : await reachable(TEST_REDIS_URL, 6379);
  if (ok) return true;
  const message = which === 'postgres' ? POSTGRES_MISSING : REDIS_MISSING;
  if (process.env.CI) throw new Error(message);
  console.warn(`skipping: ${message}`);
  return false;
}

/** A new, empty database for one test file; `drop` removes it. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sdg_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
