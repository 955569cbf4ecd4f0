// The reveal of a dot vote:
//
//   POST /api/workshops/<id>/vote/reveal   facilitator → {voters, dots}
//
// Every ballot moves from its private board onto the items, and the vote closes (rooms/voteReveal.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { revealVote, VoteRevealError } from '../rooms/voteReveal.ts';
import { admitted } from './admitted.ts';
import { bearerToken, HttpError, sendJson } from './json.ts';
import type { RouteContext } from './routes.ts';

const VOTE_REVEAL_PATH = /^\/api\/workshops\/([^/]+)\/vote\/reveal$/;

/** Answers the vote reveal route; false when the path is another one. */
export async function handleVoteRoute(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<boolean> {
  const match = VOTE_REVEAL_PATH.exec(path);
  if (!match) return false;
  if (req.method !== 'POST') throw new HttpError(405, 'use POST');
  const id = match[1] as string;
  const admission = await admitted(ctx, id, bearerToken(req));
  if (admission.role !== 'facilitator') throw new HttpError(403, 'only a facilitator can reveal a vote');
  try {
    const result = await revealVote(ctx.rooms, ctx.storage, id);
    ctx.log.info({ event: 'vote-revealed', workshop: id, ...result }, 'vote revealed');
    sendJson(res, 200, { id, ...result });
  } catch (error) {
    if (error instanceof VoteRevealError) throw new HttpError(409, error.message);
    throw error;
  }
  return true;
}
