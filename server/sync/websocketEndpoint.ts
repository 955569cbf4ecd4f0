// The y-websocket endpoint: ws://host/sync/<workshopId>?token=<token>. Refusals are close codes
// in 4400–4499, which the stock provider treats as final, sent after the WebSocket handshake so
// that the client learns why (an HTTP error on the upgrade would make it retry forever).
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { CLOSE } from '../../shared/protocol/closeCodes.ts';
import { tokenBucket } from '../auth/rateLimit.ts';
import type { Counters } from '../metrics/counters.ts';
import { type Connection, closeConnection, newConnection } from '../rooms/connection.ts';
import { privateKeyOf } from '../rooms/privateRoom.ts';
import type { RoomRegistry } from '../rooms/roomRegistry.ts';
import type { Storage } from '../storage/storage.ts';
import { admit } from '../workshops.ts';

const SYNC_PATH = /^\/sync\/([^/?]+)$/;

/** What a socket talks to: a workshop's room, or its owner's private board (`&private=<secret>`). */
interface Joined {
  receive(conn: Connection, frame: Uint8Array): void;
  leave(): void;
}
const PING_INTERVAL_MS = 30_000;

export interface SyncEndpointOptions {
  storage: Storage;
  secret: Buffer;
  rooms: RoomRegistry;
  counters: Counters;
  log: Logger;
  maxMessageBytes: number;
  /** Sustained messages per second a connection may send; bursts of 5 s worth are allowed. */
  maxMessagesPerSecond: number;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export function createSyncEndpoint(options: SyncEndpointOptions) {
  const { storage, secret, rooms, counters, log, maxMessageBytes, maxMessagesPerSecond } = options;
  // ws enforces a hard ceiling of its own (closing with 1009); below it, our limit answers 4413.
  const wss = new WebSocketServer({ noServer: true, maxPayload: Math.max(64 * 1024 * 1024, maxMessageBytes * 4) });
  const alive = new WeakMap<WebSocket, boolean>();

  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, PING_INTERVAL_MS);
  pinger.unref();

  function onConnection(ws: WebSocket, workshopId: string, token: string | null, privateSecret: string | null): void {
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    // Frames that arrive while the token is checked wait here, in order.
    let early: Uint8Array[] | null = [];
    let room: Joined | null = null;
    const conn = { current: null as ReturnType<typeof newConnection> | null };

    const bucket = tokenBucket(maxMessagesPerSecond, maxMessagesPerSecond * 5, Date.now());
    ws.on('message', (data, isBinary) => {
      // Frames still arriving after the server decided to close are not handled (nor counted twice).
      if (ws.readyState !== ws.OPEN || conn.current?.closed) return;
      const bytes = toBytes(data);
      counters.messagesReceived++;
      counters.bytesReceived += bytes.length;
      if (!bucket.take(Date.now())) {
        counters.refuse('rate-limited');
        log.warn({ event: 'refused', workshop: workshopId, reason: 'rate-limited' }, 'too many messages');
        ws.close(CLOSE.tooManyMessages, 'too many messages');
        return;
      }
      if (bytes.length > maxMessageBytes) {
        counters.refuse('too-large');
        log.warn(
          { event: 'refused', workshop: workshopId, reason: 'too-large', bytes: bytes.length },
          'message too large',
        );
        ws.close(CLOSE.tooLarge, `message larger than ${maxMessageBytes} bytes`);
        return;
      }
      if (!isBinary) {
        counters.refuse('malformed');
        ws.close(CLOSE.malformed, 'text frames are not part of the protocol');
        return;
      }
      if (early) early.push(bytes);
      else if (room && conn.current) room.receive(conn.current, bytes);
    });
    ws.on('close', (code) => {
      log.info({ event: 'disconnected', workshop: workshopId, conn: conn.current?.id, code }, 'client disconnected');
      room?.leave();
      early = null;
    });
    ws.on('error', (error) =>
      log.warn({ event: 'socket-error', workshop: workshopId, err: error.message }, 'socket error'),
    );

    admit(storage, secret, workshopId, token)
      .then(async (admission) => {
        if (ws.readyState !== ws.OPEN) return;
        if (!admission.ok) {
          const unknown = admission.status === 'not-found';
          counters.refuse(unknown ? 'unknown-workshop' : 'bad-token');
          log.warn({ event: 'refused', workshop: workshopId, reason: admission.status }, 'connection refused');
          ws.close(unknown ? CLOSE.notFound : CLOSE.unauthorized, unknown ? 'unknown workshop' : 'invalid token');
          return;
        }
        const privateKey = privateSecret === null ? null : privateKeyOf(workshopId, privateSecret);
        if (privateSecret !== null && (!privateKey || admission.role === 'viewer')) {
          const reason = privateKey ? 'viewer-private' : 'malformed';
          counters.refuse(reason);
          log.warn({ event: 'refused', workshop: workshopId, reason }, 'private board refused');
          ws.close(
            privateKey ? CLOSE.forbidden : CLOSE.malformed,
            privateKey ? 'viewers have no private board' : 'malformed private key',
          );
          return;
        }
        const c = newConnection(
          {
            send: (data) => {
              if (ws.readyState === ws.OPEN) ws.send(data);
            },
            close: (code, reason) => ws.close(code, reason),
          },
          admission.role,
        );
        conn.current = c;
        counters.connectionsOpened++;
        log.info(
          { event: 'connected', workshop: workshopId, conn: c.id, role: c.role, private: privateKey !== null },
          'client connected',
        );
        if (privateKey) {
          const joined = await rooms.privates.join(privateKey, c);
          room = {
            receive: (conn, frame) => joined.receive(conn, frame),
            leave: () => rooms.privates.leave(joined, c),
          };
        } else {
          const joined = await rooms.join(workshopId, c);
          room = { receive: (conn, frame) => joined.receive(conn, frame), leave: () => rooms.leave(joined, c) };
        }
        const pending = early ?? [];
        early = null;
        if (ws.readyState !== ws.OPEN) {
          room.leave();
          return;
        }
        for (const frame of pending) room.receive(c, frame);
      })
      .catch((error) => {
        log.error({ event: 'connect-failed', workshop: workshopId, err: error }, 'connection setup failed');
        if (conn.current) closeConnection(conn.current, CLOSE.serverError, 'server error');
        else ws.close(CLOSE.serverError, 'server error');
      });
  }

  return {
    /** Handles an HTTP upgrade; returns false when the path is not the sync endpoint. */
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const match = SYNC_PATH.exec(url.pathname);
      if (!match) return false;
      const workshopId = decodeURIComponent(match[1] as string);
      const token = url.searchParams.get('token');
      const privateSecret = url.searchParams.get('private');
      wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, workshopId, token, privateSecret));
      return true;
    },
    /** Closes every socket with "going away" so clients reconnect to the next process. */
    close(): void {
      clearInterval(pinger);
      for (const ws of wss.clients) ws.close(CLOSE.goingAway, 'server shutting down');
      wss.close();
    },
  };
}
