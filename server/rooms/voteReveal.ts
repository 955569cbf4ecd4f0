// The facilitator's reveal of a dot vote. Every person's ballot sits on their private board; the
// reveal first closes the vote on the shared board (a ballot judged after that is refused), then
// reads every ballot through its private board's queue (so a ballot judged just before is
// included), and writes them onto the items in one change: named, or as totals only for an
// anonymous vote. Ballots of people who have left count too.
import {
  type Ballot,
  boardOwner,
  endVote,
  readBallot,
  readFacilitation,
  recordRevealedVotes,
} from '../../shared/model/index.ts';
import type { Storage } from '../storage/storage.ts';
import type { RoomRegistry } from './roomRegistry.ts';

export class VoteRevealError extends Error {}

export interface VoteRevealResult {
  /** People whose dots were counted. */
  voters: number;
  dots: number;
}

export async function revealVote(rooms: RoomRegistry, storage: Storage, workshopId: string): Promise<VoteRevealResult> {
  const owners = new Set((await storage.listPrivateDocs(workshopId)).map((d) => d.ownerHash));
  for (const owner of rooms.privates.liveOwners(workshopId)) owners.add(owner);
  return rooms.use(workshopId, async (board) => {
    const vote = await board.change((doc) => {
      const current = readFacilitation(doc).vote;
      if (!current) throw new VoteRevealError('no vote has been started');
      if (current.revealed) throw new VoteRevealError('this vote has already been revealed');
      if (current.open) endVote(doc);
      return current;
    });
    const ballots: Ballot[] = [];
    for (const ownerHash of [...owners].sort()) {
      const ballot = await rooms.privates.use({ workshopId, ownerHash }, (mine) =>
        mine.change((doc) => ({ voterId: boardOwner(doc), counts: readBallot(doc, vote) })),
      );
      if (ballot.voterId && ballot.counts.size > 0) ballots.push({ voterId: ballot.voterId, counts: ballot.counts });
    }
    await board.change((doc) => recordRevealedVotes(doc, vote, ballots));
    let dots = 0;
    for (const ballot of ballots) for (const count of ballot.counts.values()) dots += count;
    return { voters: ballots.length, dots };
  });
}
