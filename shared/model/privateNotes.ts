// Private brainstorming: each person writes notes on a private board (a Y.Doc of its own that only
// they and the server open). Revealing moves them onto the shared board, with their author or
// anonymously, and empties the private board, so they exist in one place at a time.
import type * as Y from 'yjs';
import { addCard, deleteCards, hasCard, listCards } from './cards.ts';
import type { Author, CardOf } from './kinds.ts';
import { layoutRevealedNotes, revealGroupOf } from './revealLayout.ts';

/** Who a note revealed anonymously is by. */
export const ANONYMOUS_AUTHOR: Author = { id: 'anonymous', name: 'Anonymous', group: '' };

/** The notes on a private board (other kinds are not part of private brainstorming). */
export function listPrivateNotes(privateDoc: Y.Doc): CardOf<'note'>[] {
  return listCards(privateDoc).filter((c): c is CardOf<'note'> => c.kind === 'note');
}

/**
 * Adds private notes to the shared board (same id, size, text and colour), with their author or
 * anonymously, laid out in a grid per author (per stakeholder group when anonymous) in the free
 * area beside the board's cards (layoutRevealedNotes), so none hides another or a card. A note
 * whose id is already on the board, or that is blank, is skipped, so a reveal interrupted before
 * the private board was emptied adds nothing twice when run again. Returns the ids added.
 */
export function addPrivateNotesToBoard(
  board: Y.Doc,
  notes: readonly CardOf<'note'>[],
  options: { anonymous: boolean; origin?: unknown },
): string[] {
  const added: string[] = [];
  const revealed = notes.filter((n) => !hasCard(board, n.id) && n.fields.text.trim() !== '');
  const places = layoutRevealedNotes(
    revealed.map((n) => ({ id: n.id, w: n.w, h: n.h, group: revealGroupOf(n.author, options.anonymous) })),
    listCards(board),
  );
  board.transact(() => {
    for (const note of revealed) {
      const at = places.get(note.id) ?? note;
      addCard(
        board,
        {
          id: note.id,
          kind: 'note',
          x: at.x,
          y: at.y,
          w: note.w,
          h: note.h,
          author: options.anonymous ? ANONYMOUS_AUTHOR : note.author,
          fields: { text: note.fields.text, colour: note.fields.colour },
        },
        options.origin,
        note.createdAt || Date.now(),
      );
      added.push(note.id);
    }
  }, options.origin);
  return added;
}

export interface MoveNotesOptions {
  anonymous: boolean;
  /** Origin of the change to the shared board. */
  boardOrigin?: unknown;
  /** Origin of the change to the private board. */
  privateOrigin?: unknown;
}

/**
 * Moves every note of `privateDoc` onto `board` (see addPrivateNotesToBoard), then deletes every
 * card of `privateDoc`. Returns the number of notes added to the board.
 */
export function movePrivateNotes(privateDoc: Y.Doc, board: Y.Doc, options: MoveNotesOptions): number {
  const added = addPrivateNotesToBoard(board, listPrivateNotes(privateDoc), {
    anonymous: options.anonymous,
    origin: options.boardOrigin,
  });
  const everything = listCards(privateDoc).map((c) => c.id);
  if (everything.length > 0) deleteCards(privateDoc, everything, options.privateOrigin);
  return added.length;
}
