// Where a person's new cards go. Every way of adding cards (the palette's buttons and keys, a
// double-click on empty board, paste, duplicate, a card dropped on the canvas) adds them through
// `placeNewCard` or `placeNewCards` here, so this is the one place that decides: the shared board
// as usual or, while private brainstorming holds for this person, their private board. A private
// board holds notes only (shared/model/privateNotes.ts; the server refuses anything else), so
// cards of other kinds are not added during private brainstorming, and a notice says so rather
// than letting them reach everyone's board.
import type * as Y from 'yjs';
import {
  type Box,
  type Card,
  type CardKind,
  type ClipboardPayload,
  listCards,
  listPrivateNotes,
  type NewCard,
  type Pasted,
  pasteItems,
} from '../../shared/model/index.ts';
import { createPrivateNote, markFreshPrivateNote } from '../facilitation/privateNotes.ts';
import { useBoardStore } from '../store/boardStore.ts';
import { LOCAL_ORIGIN } from '../sync/origin.ts';
import type { ToolContext } from './context.ts';
import { freeSpot } from './placement.ts';

/**
 * Where this person's new cards go; the facilitation provider attaches the private board while
 * private brainstorming applies to them (a participant, private mode on).
 */
export class NewCardsRoute {
  private source: (() => Y.Doc | null) | null = null;

  /** While attached, `privateBoard()` says whether new notes go to a private board. */
  attach(source: () => Y.Doc | null): () => void {
    this.source = source;
    return () => {
      if (this.source === source) this.source = null;
    };
  }

  /** The private board new notes go to now, or null when new cards are shared. */
  privateBoard(): Y.Doc | null {
    return this.source?.() ?? null;
  }
}

/** The private board this person's new cards go to now, or null for the shared board. */
export function privateDestination(ctx: ToolContext): Y.Doc | null {
  return ctx.canEdit ? (ctx.newCards?.privateBoard() ?? null) : null;
}

export const PRIVATE_NOTES_ONLY =
  'Private brainstorm: your private board holds notes only, so other cards wait until the facilitator reveals the notes.';

function leftOutNotice(left: number, added: number): string {
  const cards = `${left} card${left === 1 ? '' : 's'} other than notes`;
  const notes = added === 0 ? '' : ` ${added} note${added === 1 ? '' : 's'} went to your private board;`;
  return `Private brainstorm:${notes} ${cards} ${left === 1 ? 'was' : 'were'} not added, since your private board holds notes only. Add ${left === 1 ? 'it' : 'them'} after the reveal.`;
}

export type PlacedCard = { board: 'shared'; id: string } | { board: 'private'; id: string } | null;

/**
 * One new card of `kind`, near `centre` (as free space allows). On the shared board through
 * `addShared` (which places, selects and opens it as the palette does); on the private board when
 * private brainstorming holds, where only a note may go (anything else is refused with a notice).
 */
export function placeNewCard<KK extends CardKind>(
  ctx: ToolContext,
  kind: KK,
  centre: { x: number; y: number },
  fields: NewCard<KK>['fields'],
  addShared: () => string | null,
): PlacedCard {
  if (!ctx.canEdit) return null;
  const privateDoc = privateDestination(ctx);
  if (!privateDoc) {
    const id = addShared();
    return id ? { board: 'shared', id } : null;
  }
  if (kind !== 'note') {
    useBoardStore.getState().notify(PRIVATE_NOTES_ONLY);
    return null;
  }
  const id = createPrivateNote(privateDoc, ctx.doc, ctx.author, centre, fields as NewCard<'note'>['fields']);
  return { board: 'private', id };
}

export interface PlacedCards extends Pasted {
  /** Whether they went to the private board. */
  private: boolean;
}

/**
 * Pasted or duplicated items, `dx`/`dy` from where they were copied, by this person. During
 * private brainstorming only the notes go, to the private board (without links, which a private
 * board does not hold); a notice says what was left out.
 */
export function placeNewCards(
  ctx: ToolContext,
  payload: ClipboardPayload,
  offset: { dx: number; dy: number },
): PlacedCards {
  const privateDoc = privateDestination(ctx);
  if (!privateDoc) {
    return { ...pasteItems(ctx.doc, payload, { author: ctx.author, ...offset }, LOCAL_ORIGIN), private: false };
  }
  const left = payload.cards.filter((c) => c.kind !== 'note').length;
  // Each note at the free spot nearest where it would go, so a copy does not hide its original
  // (a private note is drawn over the board) nor another private note.
  const taken: Box[] = [...listCards(ctx.doc), ...listPrivateNotes(privateDoc)];
  const notes = payload.cards
    .filter((c) => c.kind === 'note')
    .map((c) => {
      const at = freeSpot(taken as Card[], { x: c.x + offset.dx + c.w / 2, y: c.y + offset.dy + c.h / 2 }, c.w, c.h);
      taken.push({ x: at.x, y: at.y, w: c.w, h: c.h });
      return { ...c, x: at.x, y: at.y, status: 'proposed' as const };
    });
  const pasted = pasteItems(privateDoc, { ...payload, cards: notes, links: [] }, { author: ctx.author }, LOCAL_ORIGIN);
  if (left > 0) useBoardStore.getState().notify(leftOutNotice(left, pasted.cards.length));
  else if (pasted.cards.length > 0) {
    useBoardStore
      .getState()
      .notify(
        `Private brainstorm: ${pasted.cards.length === 1 ? 'the note went' : `${pasted.cards.length} notes went`} to your private board.`,
      );
  }
  const last = pasted.cards.at(-1);
  if (last && pasted.cards.length === 1) markFreshPrivateNote(last);
  return { ...pasted, private: true };
}
