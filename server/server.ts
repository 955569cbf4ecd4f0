// Assembles the server: storage, rooms, HTTP routes and the sync endpoint on one port.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { pino } from 'pino';
import { preparePlanValidation } from '../shared/plan/index.ts';
import { loadServerSecret } from './auth/serverSecret.ts';
import { DEFAULTS, type LogLevel, PLAN_WORK_DEFAULTS, RATE_LIMIT_DEFAULTS } from './config.ts';
import { createPlanWork, type PlanWork, type PlanWorkSettings } from './export/planWorkers.ts';
import { openRedisFanout } from './fanout/redisFanout.ts';
import { guardRequests } from './http/guardRequests.ts';
import { createRateLimits, type RateLimitSettings } from './http/rateLimits.ts';
import { createRequestHandler } from './http/routes.ts';
import { setSecurityHeaders } from './http/securityHeaders.ts';
import { staticFiles } from './http/staticFiles.ts';
import { Counters } from './metrics/counters.ts';
import { EventLoopDelay } from './metrics/eventLoopDelay.ts';
import type { AttendanceSettings } from './rooms/attendanceRecorder.ts';
import { RoomRegistry } from './rooms/roomRegistry.ts';
import { openPostgresStorage } from './storage/postgresStorage.ts';
import { openSqliteStorage } from './storage/sqliteStorage.ts';
import type { Storage } from './storage/storage.ts';
import { timedStorage } from './storage/timedStorage.ts';
import { createSyncEndpoint } from './sync/websocketEndpoint.ts';

export interface StartOptions {
  port?: number;
  host?: string;
  dataDir: string;
  clientDir?: string;
  maxMessageBytes?: number;
  maxMessagesPerSecond?: number;
  secret?: string;
  publicUrl?: string;
  compactEvery?: number;
  logLevel?: LogLevel;
  databaseUrl?: string;
  redisUrl?: string;
  /** Catch-up interval on a fan-out bus (tests shorten it). */
  catchUpEveryMs?: number;
  /** How attendance is recorded (tests shorten its delays and move its clock). */
  attendance?: Partial<AttendanceSettings>;
  planWork?: Partial<PlanWorkSettings>;
  rateLimits?: Partial<RateLimitSettings>;
  /** Serve the client's `*.map` files, when built with them. */
  serveSourceMaps?: boolean;
  /** When set, /metrics requires `Authorization: Bearer <metricsToken>`. */
  metricsToken?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  storage: Storage;
  rooms: RoomRegistry;
  counters: Counters;
  planWork: PlanWork;
  close(): Promise<void>;
}

/** Answers a raw connection (an upgrade or CONNECT) we do not take; a reset from the client meanwhile is not an error of ours. */
function refuseSocket(socket: Duplex, status: string): void {
  socket.on('error', () => {});
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const log = pino({ level: options.logLevel ?? 'info', base: undefined });
  fs.mkdirSync(options.dataDir, { recursive: true });
  if (options.redisUrl && !options.databaseUrl) {
    throw new Error('REDIS_URL needs DATABASE_URL: processes that share Redis must share PostgreSQL storage');
  }
  if (options.databaseUrl && !options.secret) {
    throw new Error(
      'DATABASE_URL needs SERVER_SECRET: every process serving the same workshops must derive the same join links',
    );
  }
  const secret = loadServerSecret(options.dataDir, options.secret);
  const counters = new Counters();
  const rawStorage: Storage = options.databaseUrl
    ? await openPostgresStorage({
        connectionString: options.databaseUrl,
        onError: (error) => log.warn({ event: 'storage-error', err: error.message }, 'PostgreSQL connection error'),
      })
    : openSqliteStorage(options.dataDir, undefined, {
        onThreadError: (error) =>
          log.error({ event: 'sqlite-thread-failed', err: error.message }, 'SQLite thread failed; working inline'),
      });
  const storage = timedStorage(rawStorage, counters);
  const fanout = options.redisUrl ? await openRedisFanout(options.redisUrl, log) : undefined;
  const rooms = new RoomRegistry(storage, log, counters, {
    compactEvery: options.compactEvery ?? DEFAULTS.compactEvery,
    fanout,
    catchUpEveryMs: options.catchUpEveryMs,
    attendance: options.attendance,
  });

  const clientDir = options.clientDir;
  const assets = staticFiles(clientDir, { serveSourceMaps: options.serveSourceMaps ?? false });
  if (!assets) log.warn({ event: 'no-client', clientDir }, 'the built client was not found; run `npm run build`');

  const planWork = createPlanWork({ ...PLAN_WORK_DEFAULTS, ...options.planWork });
  const eventLoop = new EventLoopDelay();
  const handler = createRequestHandler({
    planWork,
    rateLimits: createRateLimits({ ...RATE_LIMIT_DEFAULTS, ...options.rateLimits }),
    storage,
    counters,
    fanoutHealthy: () => (fanout ? fanout.healthy : null),
    secret,
    rooms,
    log,
    publicUrl: options.publicUrl,
    metricsToken: options.metricsToken,
    eventLoop,
    startedAt: Date.now(),
    serveStatic: (req, res, next) => (assets ? assets(req, res, next) : next()),
  });
  const server = http.createServer(
    guardRequests(
      (req, res) => {
        setSecurityHeaders(req, res, options.publicUrl);
        return handler(req, res);
      },
      log,
      counters,
    ),
  );
  const sync = createSyncEndpoint({
    storage,
    secret,
    rooms,
    counters,
    log,
    maxMessageBytes: options.maxMessageBytes ?? DEFAULTS.maxMessageBytes,
    maxMessagesPerSecond: options.maxMessagesPerSecond ?? DEFAULTS.maxMessagesPerSecond,
  });
  // Tunnels are not served; without a listener Node would close the connection unanswered.
  server.on('connect', (_req, socket) => refuseSocket(socket, '405 Method Not Allowed'));
  server.on('upgrade', (req, socket, head) => {
    // A throw here (a malformed percent-encoding in the path) would otherwise escape the server.
    try {
      if (!sync.handleUpgrade(req, socket, head)) refuseSocket(socket, '404 Not Found');
    } catch (error) {
      log.warn({ event: 'upgrade-refused', err: (error as Error).message }, 'malformed upgrade request');
      refuseSocket(socket, '400 Bad Request');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULTS.port, options.host ?? DEFAULTS.host, () => resolve());
  });
  eventLoop.start();
  // The plan schema's validator compiles in about half a second: now, not in a workshop's first export.
  setTimeout(preparePlanValidation, 0).unref();
  const address = server.address() as AddressInfo;
  const shownHost = address.address === '0.0.0.0' || address.address === '::' ? 'localhost' : address.address;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${address.port}`;

  let closing: Promise<void> | null = null;
  return {
    url,
    port: address.port,
    storage,
    rooms,
    counters,
    planWork,
    close() {
      closing ??= (async () => {
        // Stop accepting, tell clients to reconnect elsewhere, store every room, then close storage.
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        sync.close();
        await rooms.closeAll();
        await planWork.close();
        server.closeAllConnections();
        await stopped;
        await fanout?.close();
        await storage.close();
        eventLoop.stop();
        log.info({ event: 'stopped' }, 'server stopped');
      })();
      return closing;
    },
  };
}
