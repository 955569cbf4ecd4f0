// GET /api/workshops/<id>/state: the board as one Yjs update, for any of the workshop's tokens.
// A browser opening a board fetches it while the page starts and applies it before its socket
// connects, so the socket's sync exchanges only what changed since. That moves the largest
// transfer off the critical path and spares the client re-encoding it. Only stored changes are
// served (the room answers after the work queued before the request).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { admitted } from './admitted.ts';
import { bearerToken, HttpError } from './json.ts';
import type { RouteContext } from './routes.ts';

const STATE_PATH = /^\/api\/workshops\/([^/]+)\/state$/;
/** The socket usually follows within a second: the room stays loaded for it. */
export const STATE_LINGER_MS = 10_000;
/** Level 1 compresses a board's update about five-fold in a few ms (on the thread pool). */
const GZIP_LEVEL = 1;

const gzip = promisify(zlib.gzip);
/** One compression per state: the room keeps the same bytes until the next change. */
const compressed = new WeakMap<Uint8Array, Promise<Buffer>>();

function gzipped(state: Uint8Array): Promise<Buffer> {
  let done = compressed.get(state);
  if (!done) {
    done = gzip(state, { level: GZIP_LEVEL });
    compressed.set(state, done);
    done.catch(() => compressed.delete(state));
  }
  return done;
}

const acceptsGzip = (req: IncomingMessage) => /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));

export async function handleStateRoute(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<boolean> {
  const match = STATE_PATH.exec(path);
  if (!match) return false;
  if (req.method !== 'GET') throw new HttpError(405, 'use GET');
  const id = match[1] as string;
  // Any of the workshop's links may read its board.
  await admitted(ctx, id, bearerToken(req));
  let state: Uint8Array;
  try {
    state = await ctx.rooms.use(id, (room) => room.encodeState(), STATE_LINGER_MS);
  } catch {
    throw new HttpError(503, 'the workshop is unavailable; try again');
  }
  const zip = acceptsGzip(req);
  const body = zip ? await gzipped(state) : state;
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': body.byteLength,
    'cache-control': 'no-store',
    vary: 'accept-encoding',
    ...(zip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(body);
  return true;
}
