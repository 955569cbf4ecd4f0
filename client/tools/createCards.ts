// Creating cards from the toolbar: each is placed near the point asked for (canvas/openArea.ts
// chooses it) where no card is, selected, and the view moves if the card would not show.
import { addCard, CARD_SIZES, type CardKind, listCards, type NewCard } from '../../shared/model/index.ts';
import { getTarget } from '../../shared/sdg/catalogue.ts';
import { bringIntoOpenArea } from '../canvas/openArea.ts';
import { useBoardStore } from '../store/boardStore.ts';
import { LOCAL_ORIGIN } from '../sync/origin.ts';
import type { ToolContext } from './context.ts';
import { PRIVATE_NOTES_ONLY, placeNewCard, privateDestination } from './newCards.ts';
import { freeSpot } from './placement.ts';

export const DEFAULT_INTERVENTION_TITLE = 'New intervention';

function place<KK extends CardKind>(
  ctx: ToolContext,
  kind: KK,
  centre: { x: number; y: number },
  fields: NewCard<KK>['fields'],
): string | null {
  // Shared as below, or a private note during private brainstorming (client/tools/newCards.ts).
  const placed = placeNewCard(ctx, kind, centre, fields, () => {
    const size = CARD_SIZES[kind];
    const at = freeSpot(listCards(ctx.doc), centre, size.w, size.h);
    const id = addCard(
      ctx.doc,
      { kind, x: at.x, y: at.y, author: ctx.author, ...(fields ? { fields } : {}) },
      LOCAL_ORIGIN,
    );
    useBoardStore.getState().selectCards([id]);
    bringIntoOpenArea({ x: at.x, y: at.y, w: size.w, h: size.h });
    return id;
  });
  return placed?.board === 'shared' ? placed.id : null;
}

/** A card of any kind near `centre`, selected; text kinds open for typing at once. */
export function createCard<KK extends CardKind>(
  ctx: ToolContext,
  kind: KK,
  centre: { x: number; y: number },
  fields?: NewCard<KK>['fields'],
): string | null {
  const id = place(ctx, kind, centre, fields);
  if (id && kind !== 'target' && !fields) useBoardStore.getState().setEditingCard(id);
  return id;
}

/** A blank note, opened for typing at once. */
export function createNote(ctx: ToolContext, centre: { x: number; y: number }): string | null {
  const id = place(ctx, 'note', centre, undefined);
  if (id) useBoardStore.getState().setEditingCard(id);
  return id;
}

/** An intervention with a placeholder title, opened for renaming at once. */
export function createIntervention(ctx: ToolContext, centre: { x: number; y: number }): string | null {
  const id = place(ctx, 'intervention', centre, { title: DEFAULT_INTERVENTION_TITLE });
  if (id) useBoardStore.getState().setEditingCard(id);
  return id;
}

export type TargetResult = { ok: true; id: string; code: string } | { ok: false; message: string };

/** An SDG target card by code (`10.7`, ` 10.C `); an unknown code is refused with the reason. */
export function createTarget(ctx: ToolContext, input: string, centre: { x: number; y: number }): TargetResult {
  if (!ctx.canEdit) return { ok: false, message: 'Your link is view only.' };
  const typed = input.trim();
  if (typed === '') return { ok: false, message: 'Type a target code, such as 10.7.' };
  if (privateDestination(ctx)) return { ok: false, message: PRIVATE_NOTES_ONLY };
  const target = getTarget(typed);
  if (!target) {
    return { ok: false, message: `There is no SDG target “${typed}”. Codes look like 10.7 or 10.c.` };
  }
  const id = place(ctx, 'target', centre, { code: target.code });
  return id ? { ok: true, id, code: target.code } : { ok: false, message: 'Your link is view only.' };
}
