// Server configuration from the environment, with defaults that make `npm start` just work.
import path from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** The built client, served at `/`. */
  clientDir: string;
  /** Largest WebSocket message accepted; larger ones close the socket with 4413. */
  maxMessageBytes: number;
  /** Sustained sync messages per second per connection (bursts of 5 s worth pass). */
  maxMessagesPerSecond: number;
  /** Secret that derives join tokens; read from SERVER_SECRET or a file in DATA_DIR. */
  secret?: string;
  /** The address people open, when the server sits behind a proxy (else taken from the request). */
  publicUrl?: string;
  /** Compact a workshop's update log into a snapshot after this many updates. */
  compactEvery: number;
  logLevel: LogLevel;
  /** PostgreSQL instead of the embedded SQLite file (scale-out). */
  databaseUrl?: string;
  /** Redis pub/sub between server processes sharing one PostgreSQL database. */
  redisUrl?: string;
  /** How often a room on Redis re-reads storage in case a pub/sub message was lost. */
  catchUpEveryMs?: number;
}

const MIB = 1024 * 1024;

export const DEFAULTS = {
  port: 1234,
  host: '0.0.0.0',
  maxMessageBytes: 8 * MIB,
  maxMessagesPerSecond: 200,
  compactEvery: 500,
} as const;

function intFrom(env: NodeJS.ProcessEnv, key: string, fallback: number, min: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${key} must be a whole number ≥ ${min}, got "${raw}"`);
  return value;
}

export function configFromEnv(env: NodeJS.ProcessEnv, repoRoot: string): ServerConfig {
  const level = (env.LOG_LEVEL ?? 'info') as LogLevel;
  return {
    port: intFrom(env, 'PORT', DEFAULTS.port, 0),
    host: env.HOST || DEFAULTS.host,
    dataDir: path.resolve(env.DATA_DIR || path.join(repoRoot, 'data')),
    clientDir: path.resolve(env.CLIENT_DIR || path.join(repoRoot, 'dist', 'client')),
    maxMessageBytes: intFrom(env, 'MAX_MESSAGE_BYTES', DEFAULTS.maxMessageBytes, 1024),
    maxMessagesPerSecond: intFrom(env, 'MAX_MESSAGES_PER_SECOND', DEFAULTS.maxMessagesPerSecond, 1),
    secret: env.SERVER_SECRET || undefined,
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : undefined,
    compactEvery: intFrom(env, 'COMPACT_EVERY', DEFAULTS.compactEvery, 1),
    logLevel: level,
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    catchUpEveryMs: env.CATCH_UP_EVERY_MS ? intFrom(env, 'CATCH_UP_EVERY_MS', 5000, 100) : undefined,
  };
}
