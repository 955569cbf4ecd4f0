// What a dot vote is about: every intervention, the cards inside a selected frame, or the
// current selection.
import type { Card, ItemRef, Link } from '../../shared/model/index.ts';

export const VOTE_SCOPES = ['interventions', 'frame', 'selection'] as const;
export type VoteScope = (typeof VOTE_SCOPES)[number];
export const VOTE_SCOPE_LABELS: Record<VoteScope, string> = {
  interventions: 'All interventions',
  frame: 'The cards inside the selected frame',
  selection: 'The selected cards and links',
};

function inside(card: Card, frame: Card): boolean {
  return (
    card.x >= frame.x &&
    card.y >= frame.y &&
    card.x + card.w <= frame.x + frame.w &&
    card.y + card.h <= frame.y + frame.h
  );
}

const byPosition = (a: Card, b: Card) => a.y - b.y || a.x - b.x;

/** The items a vote of `scope` is on, in reading order (top to bottom, left to right). */
export function voteItems(
  scope: VoteScope,
  cards: ReadonlyMap<string, Card>,
  links: ReadonlyMap<string, Link>,
  selection: { cards: readonly string[]; links: readonly string[] },
): ItemRef[] {
  const all = [...cards.values()];
  switch (scope) {
    case 'interventions':
      return all
        .filter((c) => c.kind === 'intervention')
        .sort(byPosition)
        .map((c) => ({ type: 'card', id: c.id }));
    case 'frame': {
      const frame = selection.cards.map((id) => cards.get(id)).find((c) => c?.kind === 'frame');
      if (!frame) return [];
      return all
        .filter((c) => c.kind !== 'frame' && inside(c, frame))
        .sort(byPosition)
        .map((c) => ({ type: 'card', id: c.id }));
    }
    case 'selection': {
      const picked = selection.cards
        .map((id) => cards.get(id))
        .filter((c): c is Card => c !== undefined && c.kind !== 'frame')
        .sort(byPosition)
        .map((c): ItemRef => ({ type: 'card', id: c.id }));
      const chosenLinks = selection.links.filter((id) => links.has(id)).map((id): ItemRef => ({ type: 'link', id }));
      return [...picked, ...chosenLinks];
    }
  }
}
