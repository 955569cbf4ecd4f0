// The facilitator's reveal of private brainstorming: every private note of the workshop, of people
// here now and of people who have left, moves onto the shared board (with its author or
// anonymously) through the model, and private mode ends. Each person's notes are first added to
// the board and stored, and only then deleted from their private board, so an interruption can
// leave a note in both places (a second reveal skips it) but never in neither.
import { addPrivateNotesToBoard, deleteCards, listPrivateNotes, setPrivateMode } from '../../shared/model/index.ts';
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
    const result: RevealResult = { moved: 0, people: 0 };
    for (const ownerHash of [...owners].sort()) {
      await rooms.privates.use({ workshopId, ownerHash }, async (mine) => {
        const notes = await mine.change((doc) => listPrivateNotes(doc));
        if (notes.length === 0) return;
        const added = await board.change((doc) => addPrivateNotesToBoard(doc, notes, { anonymous }));
        await mine.change((doc) =>
          deleteCards(
            doc,
            notes.map((n) => n.id),
          ),
        );
        result.moved += added.length;
        result.people++;
      });
    }
    await board.change((doc) => setPrivateMode(doc, false));
    return result;
  });
}
