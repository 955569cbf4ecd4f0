// A per-id cache of card and link snapshots. Only the ids a transaction touched are re-read, so
// unchanged snapshots keep their identity and their memoised nodes skip rendering.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import {
  type BoardChanges,
  type Card,
  getCard,
  getLink,
  type Link,
  listCards,
  listLinks,
  observeBoard,
} from '../../shared/model/index.ts';

export interface BoardItems {
  cards: ReadonlyMap<string, Card>;
  links: ReadonlyMap<string, Link>;
}

function readAll(doc: Y.Doc): BoardItems {
  return {
    cards: new Map(listCards(doc).map((c) => [c.id, c])),
    links: new Map(listLinks(doc).map((l) => [l.id, l])),
  };
}

/** Applies one transaction's changes to the cache, copying only the maps that changed. */
export function applyChanges(doc: Y.Doc, items: BoardItems, changes: BoardChanges): BoardItems {
  let { cards, links } = items;
  if (changes.cards.size) {
    const next = new Map(cards);
    for (const id of changes.cards) {
      const card = getCard(doc, id);
      if (card) next.set(id, card);
      else next.delete(id);
    }
    cards = next;
  }
  if (changes.links.size) {
    const next = new Map(links);
    for (const id of changes.links) {
      const link = getLink(doc, id);
      if (link) next.set(id, link);
      else next.delete(id);
    }
    links = next;
  }
  return cards === items.cards && links === items.links ? items : { cards, links };
}

export function useBoardItems(doc: Y.Doc): BoardItems {
  const [items, setItems] = useState<BoardItems>(() => readAll(doc));
  useEffect(() => {
    // Anything that changed between the first render and this subscription is read afresh.
    setItems(readAll(doc));
    return observeBoard(doc, (changes) => setItems((prev) => applyChanges(doc, prev, changes)));
  }, [doc]);
  return items;
}
