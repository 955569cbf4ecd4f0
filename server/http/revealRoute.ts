// The reveal of private brainstorming:
//
//   POST /api/workshops/<id>/reveal   {anonymous: boolean}   facilitator → {moved, people}
//
// Every private note of the workshop moves onto the board (server/rooms/reveal.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { revealPrivateNotes } from '../rooms/reveal.ts';
import { admitted } from './admitted.ts';
import { bearerToken, HttpError, readJsonBody, sendJson } from './json.ts';
import type { RouteContext } from './routes.ts';

const REVEAL_PATH = /^\/api\/workshops\/([^/]+)\/reveal$/;

export function revealOptions(body: unknown): { anonymous: boolean } {
  const anonymous = typeof body === 'object' && body !== null ? (body as { anonymous?: unknown }).anonymous : null;
  if (typeof anonymous !== 'boolean') throw new HttpError(400, 'anonymous: expected true or false');
  return { anonymous };
}

/** Answers the reveal route; false when the path is another one. */
export async function handleRevealRoute(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<boolean> {
  const match = REVEAL_PATH.exec(path);
  if (!match) return false;
  if (req.method !== 'POST') throw new HttpError(405, 'use POST');
  const id = match[1] as string;
  const admission = await admitted(ctx, id, bearerToken(req));
  if (admission.role !== 'facilitator') throw new HttpError(403, 'only a facilitator can reveal private notes');
  const { anonymous } = revealOptions(await readJsonBody(req));
  const result = await revealPrivateNotes(ctx.rooms, ctx.storage, id, anonymous);
  ctx.log.info({ event: 'private-revealed', workshop: id, ...result, anonymous }, 'private notes revealed');
  sendJson(res, 200, { id, ...result });
  return true;
}
