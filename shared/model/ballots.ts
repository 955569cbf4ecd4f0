// A person's dots in a dot vote: their ballot, kept on their private board (a document only they
// and the server open), so that no browser receives anyone else's dots before the facilitator
// reveals the results. The reveal (server-side) copies every ballot onto the shared board's
// items, named or as totals only, and closes the vote (`recordRevealedVotes`).
//
//   privateDoc.getMap('ballots')  `${voteId}/${card|link}/${itemId}` → number of dots
//   privateDoc.getMap('owner')    'id' → the person id of the board's owner (written by the server)
import type * as Y from 'yjs';
import type { VoteSession } from './facilitation.ts';
import type { ItemRef } from './itemOps.ts';
import type { RootEntry } from './rootPaths.ts';

export const BALLOTS_KEY = 'ballots';
export const OWNER_KEY = 'owner';
/** The roots a person may write on their own private board: notes, and ballots. */
export const PRIVATE_ROOTS = { cards: 'cards', ballots: BALLOTS_KEY } as const;
export const PRIVATE_ROOT_ENTRIES: ReadonlyMap<string, RootEntry> = new Map([
  [PRIVATE_ROOTS.cards, 'map'],
  [PRIVATE_ROOTS.ballots, 'value'],
]);

export function ballotKey(voteId: string, ref: ItemRef): string {
  return `${voteId}/${ref.type}/${ref.id}`;
}

export function parseBallotKey(key: string): { voteId: string; item: ItemRef } | null {
  const parts = key.split('/');
  if (parts.length !== 3) return null;
  const [voteId, type, id] = parts as [string, string, string];
  if (voteId === '' || id === '' || (type !== 'card' && type !== 'link')) return null;
  return { voteId, item: { type, id } };
}

const ballots = (privateDoc: Y.Doc) => privateDoc.getMap<unknown>(BALLOTS_KEY);

/** This person's dots in `vote`, by item id (items with none are left out). */
export function readBallot(privateDoc: Y.Doc, vote: VoteSession): Map<string, number> {
  const out = new Map<string, number>();
  const map = ballots(privateDoc);
  for (const item of vote.items) {
    const count = map.get(ballotKey(vote.id, item));
    if (typeof count === 'number' && Number.isInteger(count) && count > 0) out.set(item.id, count);
  }
  return out;
}

export function ballotUsed(privateDoc: Y.Doc, vote: VoteSession): number {
  let used = 0;
  for (const count of readBallot(privateDoc, vote).values()) used += count;
  return used;
}

/** Puts `count` of this person's dots on an item of the open vote; refuses what exceeds the budget. */
export function castBallot(
  privateDoc: Y.Doc,
  vote: VoteSession | null,
  item: ItemRef,
  count: number,
  origin?: unknown,
) {
  if (!vote?.open) throw new Error('no vote is open');
  if (!vote.items.some((i) => i.type === item.type && i.id === item.id))
    throw new Error('this item is not in the vote');
  if (!Number.isInteger(count) || count < 0) throw new Error('dots must be a whole number ≥ 0');
  const current = readBallot(privateDoc, vote).get(item.id) ?? 0;
  if (count - current > vote.perPerson - ballotUsed(privateDoc, vote)) {
    throw new Error(`only ${vote.perPerson} dots per person`);
  }
  privateDoc.transact(() => {
    if (count > 0) ballots(privateDoc).set(ballotKey(vote.id, item), count);
    else ballots(privateDoc).delete(ballotKey(vote.id, item));
  }, origin);
}

/** The person whose private board this is, as the server recorded it; null before it did. */
export function boardOwner(privateDoc: Y.Doc): string | null {
  const id = privateDoc.getMap<unknown>(OWNER_KEY).get('id');
  return typeof id === 'string' ? id : null;
}

export function setBoardOwner(privateDoc: Y.Doc, personId: string, origin?: unknown): void {
  privateDoc.transact(() => privateDoc.getMap<unknown>(OWNER_KEY).set('id', personId), origin);
}
