// The facilitator's reveal of private brainstorming: every private note of the workshop, of people
// here now and of people who have left, moves onto the shared board (with its author or
// anonymously) through the model, laid out in a grid per author (or per stakeholder group), and
// private mode ends. The notes are first added to the board and stored, and only then deleted
// from the private boards, so an interruption can leave a note in both places (a second reveal
// skips it) but never in neither.
import {
  addPrivateNotesToBoard,
  type CardOf,
  deleteCards,
  listPrivateNotes,
  setPrivateMode,
} from '../../shared/model/index.ts';
import type { Storage } from '../storage/storage.ts';
import type { RoomRegistry } from './roomRegistry.ts';

export interface RevealResult {
  /** Notes added to the board. */
  moved: number;
  /** Private boards that held notes. */
  people: number;
}

export async function revealPrivateNotes(
  rooms: RoomRegistry,
  storage: Storage,
  workshopId: string,
  anonymous: boolean,
): Promise<RevealResult> {
  const owners = new Set((await storage.listPrivateDocs(workshopId)).map((d) => d.ownerHash));
  for (const owner of rooms.privates.liveOwners(workshopId)) owners.add(owner);
  return rooms.use(workshopId, async (board) => {
    // Everyone's notes are read first, so that the board lays them all out at once: a grid per
    // author (or per stakeholder group, anonymously) clear of each other and of every card.
    const held: { ownerHash: string; notes: CardOf<'note'>[] }[] = [];
    for (const ownerHash of [...owners].sort()) {
      const notes = await rooms.privates.use({ workshopId, ownerHash }, (mine) =>
        mine.change((doc) => listPrivateNotes(doc)),
      );
      if (notes.length > 0) held.push({ ownerHash, notes });
    }
    const result: RevealResult = { moved: 0, people: held.length };
    if (held.length > 0) {
      const added = await board.change((doc) =>
        addPrivateNotesToBoard(
          doc,
          held.flatMap((h) => h.notes),
          { anonymous },
        ),
      );
      result.moved = added.length;
      // Only once they are on the stored board do they leave the private boards.
      for (const { ownerHash, notes } of held) {
        await rooms.privates.use({ workshopId, ownerHash }, (mine) =>
          mine.change((doc) =>
            deleteCards(
              doc,
              notes.map((n) => n.id),
            ),
          ),
        );
      }
    }
    await board.change((doc) => setPrivateMode(doc, false));
    return result;
  });
}
