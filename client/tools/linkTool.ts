// The link tool: click a card, then another (or drag from one to the other, or from a selected
// card's edge knob); the first kind of link that fits joins them.
import {
  addLink,
  docLockView,
  getCard,
  getLink,
  LINK_ENDS,
  type LinkKind,
  linkKindsBetween,
  newLinkLock,
  retargetLink,
} from '../../shared/model/index.ts';
import { useBoardStore } from '../store/boardStore.ts';
import { LOCAL_ORIGIN } from '../sync/origin.ts';
import type { ToolContext } from './context.ts';
import { CARD_KIND_NOUNS } from './kindLabels.ts';

const LINK_RULES: Record<LinkKind, string> = {
  contributes: 'an intervention or objective contributes to a target',
  interaction: 'targets and interventions interact with each other',
  implements: 'an actor implements an intervention',
};

/**
 * Why this person may not join these cards (one of them is agreed, and the agreement's locks
 * apply to them), in words; null when they may. The server refuses such a link too.
 */
export function lockedLinkReason(ctx: ToolContext, from: string, to: string): string | null {
  if (!ctx.underLocks) return null;
  const lock = newLinkLock(docLockView(ctx.doc), from, to);
  const agreed = lock?.by?.type === 'card' ? getCard(ctx.doc, lock.by.id) : undefined;
  if (!agreed) return null;
  const noun = CARD_KIND_NOUNS[agreed.kind].replace(/^an? /, 'an agreed ');
  return `Only the facilitator can add or move links to ${noun}: that would change what was agreed.`;
}

/** Why no link can go from one card to the other, in words. */
export function noLinkReason(ctx: ToolContext, from: string, to: string): string {
  const a = getCard(ctx.doc, from);
  const b = getCard(ctx.doc, to);
  if (!a || !b) return 'That card was just deleted.';
  const rules = (Object.keys(LINK_ENDS) as LinkKind[]).map((kind) => LINK_RULES[kind]).join('; ');
  return `No link goes from ${CARD_KIND_NOUNS[a.kind]} to ${CARD_KIND_NOUNS[b.kind]}. Links: ${rules}.`;
}

export function clickCardWithLinkTool(ctx: ToolContext, cardId: string): void {
  const store = useBoardStore.getState();
  if (!ctx.canEdit) return;
  const from = store.linkFrom;
  if (from === null || !getCard(ctx.doc, from)) {
    store.setLinkFrom(cardId);
    return;
  }
  if (from === cardId) {
    store.setLinkFrom(null);
    return;
  }
  store.setLinkFrom(null);
  linkCards(ctx, from, cardId);
}

/**
 * Joins two cards with the first kind of link that fits and selects it; when none fits, says
 * why. Returns the new link's id, or null.
 */
export function linkCards(ctx: ToolContext, from: string, to: string): string | null {
  const store = useBoardStore.getState();
  if (!ctx.canEdit || from === to) return null;
  const locked = lockedLinkReason(ctx, from, to);
  if (locked) {
    store.notify(locked, 'error');
    return null;
  }
  let kind = linkKindsBetween(ctx.doc, from, to)[0];
  if (!kind) {
    // Some links only go one way (an objective contributes to a target): drawn the other way
    // round, they are turned to face the way they must.
    kind = linkKindsBetween(ctx.doc, to, from)[0];
    if (!kind) {
      store.notify(noLinkReason(ctx, from, to), 'error');
      return null;
    }
    [from, to] = [to, from];
    store.notify(`${LINK_RULES[kind].replace(/^./, (c) => c.toUpperCase())}: the link was drawn that way.`);
  }
  const id = addLink(ctx.doc, { kind, from, to, author: ctx.author }, LOCAL_ORIGIN);
  store.select({ type: 'link', id }, false);
  return id;
}

/** Re-binds one end of a link to another card; says why when that card cannot take it. */
export function retargetEnd(ctx: ToolContext, linkId: string, end: 'from' | 'to', cardId: string): void {
  if (!ctx.canEdit) return;
  const link = getLink(ctx.doc, linkId);
  const locked = link && lockedLinkReason(ctx, end === 'from' ? cardId : link.from, end === 'to' ? cardId : link.to);
  if (locked) {
    useBoardStore.getState().notify(locked, 'error');
    return;
  }
  try {
    retargetLink(ctx.doc, linkId, end, cardId, LOCAL_ORIGIN);
  } catch (error) {
    useBoardStore
      .getState()
      .notify(error instanceof Error ? `That link cannot go there: ${error.message}.` : String(error), 'error');
  }
}
