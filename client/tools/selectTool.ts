// The select tool: click to select (shift adds), drag to move; a drag is one model write.
import {
  type CardMove,
  deleteCards,
  deleteLinks,
  docLockView,
  getCard,
  heldCards,
  moveCards,
  resizeCard,
} from '../../shared/model/index.ts';
import { boardCache } from '../canvas/useBoardItems.ts';
import { useBoardStore } from '../store/boardStore.ts';
import { LOCAL_ORIGIN } from '../sync/origin.ts';
import type { ToolContext } from './context.ts';
import { deleteRefusal } from './lockText.ts';

export function clickCard(cardId: string, additive: boolean): void {
  useBoardStore.getState().select({ type: 'card', id: cardId }, additive);
}

export function clickLink(linkId: string, additive: boolean): void {
  useBoardStore.getState().select({ type: 'link', id: linkId }, additive);
}

/** The cards a drag of `cardId` moves: the whole selection if the card is in it, else the card. */
export function cardsToDrag(cardId: string, additive: boolean): readonly string[] {
  const store = useBoardStore.getState();
  if (store.selectedCards.includes(cardId)) return store.selectedCards;
  store.select({ type: 'card', id: cardId }, additive);
  return useBoardStore.getState().selectedCards;
}

export function commitMoves(ctx: ToolContext, moves: readonly CardMove[]): void {
  if (!ctx.canEdit || moves.length === 0) return;
  moveCards(
    ctx.doc,
    moves.map((m) => ({ id: m.id, x: Math.round(m.x), y: Math.round(m.y) })),
    LOCAL_ORIGIN,
  );
}

/** Resizes a card to a rect (a corner dragged: position and size), as one undo step. */
export function commitResize(
  ctx: ToolContext,
  cardId: string,
  rect: { x: number; y: number; w: number; h: number },
): void {
  const card = getCard(ctx.doc, cardId);
  if (!ctx.canEdit || !card) return;
  if (rect.x === card.x && rect.y === card.y && rect.w === card.w && rect.h === card.h) return;
  ctx.doc.transact(() => {
    resizeCard(ctx.doc, cardId, rect.w, rect.h, LOCAL_ORIGIN);
    moveCards(ctx.doc, [{ id: cardId, x: rect.x, y: rect.y }], LOCAL_ORIGIN);
  }, LOCAL_ORIGIN);
}

export function deleteSelection(ctx: ToolContext): void {
  const store = useBoardStore.getState();
  if (!ctx.canEdit) return;
  const { selectedCards, selectedLinks } = store;
  if (selectedCards.length === 0 && selectedLinks.length === 0) return;
  // Read again from the document itself, links whose other card is missing included, as the
  // server will: what the participant may not delete is not sent (the server would refuse it).
  const refused =
    ctx.deleteRefused ??
    (ctx.underLocks
      ? deleteRefusal(
          boardCache(ctx.doc).items,
          heldCards(docLockView(ctx.doc), new Set(selectedCards)),
          selectedCards,
          selectedLinks,
        )
      : null);
  if (refused) {
    store.notify(refused, 'error');
    return;
  }
  ctx.doc.transact(() => {
    if (selectedLinks.length) deleteLinks(ctx.doc, selectedLinks, LOCAL_ORIGIN);
    if (selectedCards.length) deleteCards(ctx.doc, selectedCards, LOCAL_ORIGIN);
  }, LOCAL_ORIGIN);
  store.clearSelection();
}
