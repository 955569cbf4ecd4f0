// Cards dropped onto the board from outside the canvas (the SDG palette, a list of suggestions):
// the drag carries the card to make as JSON under CARD_DRAG_MIME, and the canvas makes it where
// it is dropped. `dropCardAt` is the same for a palette that drags with pointer events instead.
import { type CardKind, checkCardField, isCardKind, type NewCard } from '../../shared/model/index.ts';
import type { ToolContext } from '../tools/context.ts';
import { createCard } from '../tools/createCards.ts';
import { canvasProbe } from './canvasProbe.ts';

export const CARD_DRAG_MIME = 'application/x-sdg-board-card';

export interface DroppedCard<KK extends CardKind = CardKind> {
  kind: KK;
  fields?: NewCard<KK>['fields'];
}

/** Call in a `dragstart` handler: the drag will make this card where it is dropped on the board. */
export function setCardDragData(dataTransfer: DataTransfer, card: DroppedCard): void {
  dataTransfer.setData(CARD_DRAG_MIME, JSON.stringify(card));
  dataTransfer.effectAllowed = 'copy';
}

/** Reads dragged data (untrusted: it may come from another page): the card, or null. */
export function readDroppedCard(raw: string): DroppedCard | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { kind, fields } = value as Record<string, unknown>;
  if (!isCardKind(kind)) return null;
  if (fields !== undefined) {
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return null;
    for (const [name, v] of Object.entries(fields)) if (checkCardField(kind, name, v) !== null) return null;
  }
  return { kind, ...(fields ? { fields: fields as NewCard['fields'] } : {}) };
}

/**
 * Makes `card` centred on the board point under a page point (as near as free space allows) and
 * selects it. Null when the point is not over the canvas or the person cannot edit.
 */
export function dropCardAt(ctx: ToolContext, card: DroppedCard, clientX: number, clientY: number): string | null {
  const at = canvasProbe()?.boardPointAt(clientX, clientY);
  if (!at || !ctx.canEdit) return null;
  return createCard(ctx, card.kind, at, card.fields);
}

/** Wires HTML drag and drop of cards onto the canvas element; returns the unsubscribe. */
export function acceptCardDrops(el: HTMLElement, ctx: () => ToolContext): () => void {
  const over = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes(CARD_DRAG_MIME) || !ctx().canEdit) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };
  const drop = (e: DragEvent) => {
    const raw = e.dataTransfer?.getData(CARD_DRAG_MIME);
    const card = raw ? readDroppedCard(raw) : null;
    if (!card) return;
    e.preventDefault();
    dropCardAt(ctx(), card, e.clientX, e.clientY);
  };
  el.addEventListener('dragover', over);
  el.addEventListener('drop', drop);
  return () => {
    el.removeEventListener('dragover', over);
    el.removeEventListener('drop', drop);
  };
}
