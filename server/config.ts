// Server configuration from the environment, with defaults that make `npm start` just work.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { PlanWorkSettings } from './export/planWorkers.ts';
import type { RateLimitSettings } from './http/rateLimits.ts';

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
  /** Worker threads, queues and time limits of plan exports and imports. */
  planWork: PlanWorkSettings;
  /** Rate limits per client address, and whether X-Forwarded-For names it. */
  rateLimits: RateLimitSettings;
  /** When set, /metrics answers only `Authorization: Bearer <metricsToken>`. */
  metricsToken?: string;
  /** Serve the client's `*.map` files (only present when built with SOURCEMAPS=1). */
  serveSourceMaps: boolean;
}

const MIB = 1024 * 1024;

export const DEFAULTS = {
  port: 1234,
  host: '0.0.0.0',
  maxMessageBytes: 8 * MIB,
  maxMessagesPerSecond: 200,
  compactEvery: 500,
} as const;

/**
 * Plan work: an export of 1,000 interventions renders in 1-2.5 s, an import of the same plan in
 * under half a second; the time limits leave a loaded machine ten times that and more.
 */
export const PLAN_WORK_DEFAULTS: PlanWorkSettings = {
  // Leaves a core for the sync loop on small machines.
  exportThreads: Math.max(1, availableParallelism() - 1),
  exportQueue: 16,
  exportTimeoutMs: 120_000,
  exportsWaitingPerWorkshop: 2,
  importThreads: 1,
  importQueue: 4,
  importTimeoutMs: 10_000,
};

/** Far above what a facilitator does (a few workshops a day), low enough to stop a script. */
export const RATE_LIMIT_DEFAULTS: RateLimitSettings = {
  workshopsPerMinute: 20,
  workshopsBurst: 30,
  importsPerMinute: 10,
  importsBurst: 10,
  trustedProxies: 0,
};
/** Long enough that guessing it over the network is hopeless. */
export const MIN_METRICS_TOKEN_LENGTH = 16;

function metricsTokenFrom(env: NodeJS.ProcessEnv): string | undefined {
  const token = env.METRICS_TOKEN;
  if (token === undefined || token === '') return undefined;
  if (token.length < MIN_METRICS_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(token)) {
    throw new Error(
      `METRICS_TOKEN must be at least ${MIN_METRICS_TOKEN_LENGTH} printable characters without spaces (it is sent as a bearer token)`,
    );
  }
  return token;
}

function publicUrlFrom(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.PUBLIC_URL) return undefined;
  const url = URL.parse(env.PUBLIC_URL);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`PUBLIC_URL must be an http:// or https:// address, got "${env.PUBLIC_URL}"`);
  }
  return env.PUBLIC_URL.replace(/\/+$/, '');
}

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
    publicUrl: publicUrlFrom(env),
    compactEvery: intFrom(env, 'COMPACT_EVERY', DEFAULTS.compactEvery, 1),
    logLevel: level,
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    catchUpEveryMs: env.CATCH_UP_EVERY_MS ? intFrom(env, 'CATCH_UP_EVERY_MS', 5000, 100) : undefined,
    metricsToken: metricsTokenFrom(env),
    serveSourceMaps: env.SERVE_SOURCEMAPS === '1',
    planWork: planWorkFromEnv(env),
    rateLimits: rateLimitsFromEnv(env),
  };
}

function planWorkFromEnv(env: NodeJS.ProcessEnv): PlanWorkSettings {
  const d = PLAN_WORK_DEFAULTS;
  return {
    exportThreads: intFrom(env, 'EXPORT_THREADS', d.exportThreads, 1),
    exportQueue: intFrom(env, 'EXPORT_QUEUE', d.exportQueue, 0),
    exportTimeoutMs: intFrom(env, 'EXPORT_TIMEOUT_MS', d.exportTimeoutMs, 100),
    exportsWaitingPerWorkshop: d.exportsWaitingPerWorkshop,
    importThreads: intFrom(env, 'IMPORT_THREADS', d.importThreads, 1),
    importQueue: intFrom(env, 'IMPORT_QUEUE', d.importQueue, 0),
    importTimeoutMs: intFrom(env, 'IMPORT_TIMEOUT_MS', d.importTimeoutMs, 100),
  };
}

function rateLimitsFromEnv(env: NodeJS.ProcessEnv): RateLimitSettings {
  const d = RATE_LIMIT_DEFAULTS;
  return {
    workshopsPerMinute: intFrom(env, 'WORKSHOPS_PER_MINUTE', d.workshopsPerMinute, 0),
    workshopsBurst: intFrom(env, 'WORKSHOPS_BURST', d.workshopsBurst, 1),
    importsPerMinute: intFrom(env, 'IMPORTS_PER_MINUTE', d.importsPerMinute, 0),
    importsBurst: intFrom(env, 'IMPORTS_BURST', d.importsBurst, 1),
    trustedProxies: intFrom(env, 'TRUST_PROXY', d.trustedProxies, 0),
  };
}
