// The agreement's locks (shared/model/locks.ts) in words, for the inspector, the delete button and
// the notices a participant sees when the board does not do what they asked.
import {
  type Card,
  type CardKind,
  cardTitle,
  heldCards,
  type ItemLock,
  itemsLockView,
  type LockView,
  linkLock,
} from '../../shared/model/index.ts';
import type { BoardItems } from '../canvas/useBoardItems.ts';

const AGREED_KIND: Record<CardKind, string> = {
  target: 'SDG target',
  objective: 'objective',
  intervention: 'intervention',
  actor: 'actor',
  note: 'note',
  frame: 'frame',
};

/** "an agreed intervention (“Migrant resource centre”)", or "an agreed link". */
function agreedItem(lock: ItemLock, cards: ReadonlyMap<string, Card>): string {
  if (lock.by?.type !== 'card') return 'an agreed link';
  const card = cards.get(lock.by.id);
  if (!card) return 'an agreed card';
  const title = cardTitle(card);
  return `an agreed ${AGREED_KIND[card.kind]}${title ? ` (“${title}”)` : ''}`;
}

/** Why the selected item is locked or held, in one or two sentences. */
export function lockText(lock: ItemLock, cards: ReadonlyMap<string, Card>): { title: string; detail: string } {
  switch (lock.reason) {
    case 'agreed':
      return {
        title: 'Locked: agreed',
        detail: 'Only the facilitator can change or delete it. You can still comment on it.',
      };
    case 'linked-to-agreed':
      return {
        title: `Locked: linked to ${agreedItem(lock, cards)}`,
        detail: 'Only the facilitator can change, move or delete this link. You can still comment on it.',
      };
    case 'held':
      return {
        title: `Linked to ${agreedItem(lock, cards)}`,
        detail: 'You can edit this card, but only the facilitator can delete it.',
      };
  }
}

/** The lock view of a browser's snapshots. */
export function itemsLocks(items: BoardItems): LockView {
  return itemsLockView(items.cards, items.links);
}

/**
 * Why a participant may not delete these cards and links (the first locked or held one), or null.
 * `held` is `heldCards` of the same items (worked out once per change of the board).
 */
export function deleteRefusal(
  items: BoardItems,
  held: ReadonlyMap<string, ItemLock>,
  cardIds: readonly string[],
  linkIds: readonly string[],
): string | null {
  if (linkIds.length > 0) {
    const view = itemsLocks(items);
    for (const id of linkIds) {
      const link = items.links.get(id);
      const lock = link ? linkLock(view, link) : null;
      if (lock) {
        const why = lock.reason === 'agreed' ? 'agreed' : `linked to ${agreedItem(lock, items.cards)}`;
        return `Only the facilitator can delete this link: it is ${why}.`;
      }
    }
  }
  for (const id of cardIds) {
    const card = items.cards.get(id);
    if (!card) continue;
    if (card.status === 'agreed') return 'Only the facilitator can delete an agreed card.';
    const lock = held.get(id);
    if (lock) {
      const name = cardTitle(card) ? `“${cardTitle(card)}”` : 'this card';
      return `Only the facilitator can delete ${name}: ${agreedItem(lock, items.cards)} is linked to it.`;
    }
  }
  return null;
}

/** Every held card of a browser's snapshots (one pass over the links). */
export function heldItems(items: BoardItems): Map<string, ItemLock> {
  return heldCards(itemsLocks(items));
}
