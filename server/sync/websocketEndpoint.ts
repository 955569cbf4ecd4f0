// The y-websocket endpoint: ws://host/sync/<workshopId>. The socket's first message says who is
// connecting (shared/protocol/hello.ts: the link's token, the person's secret, which board), so
// that no long-lived secret ever appears in a URL; nothing is answered before it. Refusals are
// close codes in 4400–4499, which the stock provider treats as final, sent after the WebSocket
// handshake so that the client learns why (an HTTP error on the upgrade would make it retry
// forever).
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { personIdOf } from '../../shared/model/person.ts';
import { CLOSE } from '../../shared/protocol/closeCodes.ts';
import { decodeHello, type Hello } from '../../shared/protocol/hello.ts';
import type { ProtocolError } from '../../shared/protocol/messages.ts';
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
/** A socket that has not said who it is by then is closed. */
export const HELLO_TIMEOUT_MS = 10_000;

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
  // ws refuses a larger frame from its header (closing with 1009), before buffering any of it.
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
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

  function onConnection(ws: WebSocket, workshopId: string): void {
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    // null until the hello has been read; then the frames that arrive while it is checked wait
    // here, in order (at most what the rate limit lets through in that time).
    let early: Uint8Array[] | null = null;
    let hello: Hello | null = null;
    let room: Joined | null = null;
    const conn = { current: null as ReturnType<typeof newConnection> | null };
    const refuse = (reason: string, code: number, detail: string) => {
      counters.refuse(reason);
      log.warn({ event: 'refused', workshop: workshopId, reason }, detail);
      ws.close(code, detail.slice(0, 120));
    };
    const helloTimer = setTimeout(() => {
      if (!hello) refuse('no-hello', CLOSE.unauthorized, 'authenticate first');
    }, HELLO_TIMEOUT_MS);
    helloTimer.unref();

    const bucket = tokenBucket(maxMessagesPerSecond, maxMessagesPerSecond * 5, Date.now());
    ws.on('message', (data, isBinary) => {
      // Frames still arriving after the server decided to close are not handled (nor counted twice).
      if (ws.readyState !== ws.OPEN || conn.current?.closed) return;
      const bytes = toBytes(data);
      counters.messagesReceived++;
      counters.bytesReceived += bytes.length;
      if (!bucket.take(Date.now())) return refuse('rate-limited', CLOSE.tooManyMessages, 'too many messages');
      if (!isBinary) return refuse('malformed', CLOSE.malformed, 'text frames are not part of the protocol');
      if (!hello) {
        try {
          hello = decodeHello(bytes);
        } catch (error) {
          return refuse('no-hello', CLOSE.malformed, (error as ProtocolError).message);
        }
        clearTimeout(helloTimer);
        early = [];
        admitHello(hello);
        return;
      }
      if (early) early.push(bytes);
      else if (room && conn.current) room.receive(conn.current, bytes);
    });
    ws.on('close', (code) => {
      clearTimeout(helloTimer);
      log.info({ event: 'disconnected', workshop: workshopId, conn: conn.current?.id, code }, 'client disconnected');
      room?.leave();
      early = null;
    });
    ws.on('error', (error) => {
      // ws refused a frame over the size limit from its header, and closes with 1009.
      if ((error as { code?: string }).code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') counters.refuse('too-large');
      log.warn({ event: 'socket-error', workshop: workshopId, err: error.message }, 'socket error');
    });

    function admitHello(hello: Hello): void {
      admit(storage, secret, workshopId, hello.token)
        .then(async (admission) => {
          if (ws.readyState !== ws.OPEN) return;
          if (!admission.ok) {
            const unknown = admission.status === 'not-found';
            return refuse(
              unknown ? 'unknown-workshop' : 'bad-token',
              unknown ? CLOSE.notFound : CLOSE.unauthorized,
              unknown ? 'unknown workshop' : 'invalid token',
            );
          }
          const privateKey = hello.board === 'private' ? privateKeyOf(workshopId, hello.secret) : null;
          if (hello.board === 'private' && (!privateKey || admission.role === 'viewer')) {
            return privateKey
              ? refuse('viewer-private', CLOSE.forbidden, 'viewers have no private board')
              : refuse('malformed', CLOSE.malformed, 'malformed private key');
          }
          const c = newConnection(
            {
              send: (data) => {
                if (ws.readyState === ws.OPEN) ws.send(data);
              },
              close: (code, reason) => ws.close(code, reason),
              get bufferedAmount() {
                return ws.bufferedAmount;
              },
            },
            admission.role,
            personIdOf(hello.secret),
            // What the person entered, for the workshop's attendance (the shared board's room records it).
            hello.name === undefined && hello.group === undefined
              ? undefined
              : { name: hello.name, group: hello.group, groupDetail: hello.groupDetail },
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
  }

  return {
    /** Handles an HTTP upgrade; returns false when the path is not the sync endpoint. */
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
      // The query string is ignored: nothing secret travels in it.
      const match = SYNC_PATH.exec((req.url ?? '/').split('?')[0] as string);
      if (!match) return false;
      let workshopId: string;
      try {
        workshopId = decodeURIComponent(match[1] as string);
      } catch {
        counters.refuse('malformed');
        socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
        return true;
      }
      wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, workshopId));
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
