// A per-id cache of card and link snapshots, one per document. Only the ids a transaction touched
// are re-read, so unchanged snapshots keep their identity (and whatever is derived from them,
// such as measured text, stays valid). The canvas listens to it directly, outside React; panels
// read it through `useBoardItems`.
import { useSyncExternalStore } from 'react';
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

export type BoardCacheListener = (items: BoardItems, changes: BoardChanges | null) => void;

/** The snapshots of one document, kept current by one observer, told synchronously to listeners. */
export class BoardCache {
  private current: BoardItems;
  private readonly listeners = new Set<BoardCacheListener>();
  private readonly stop: () => void;

  constructor(doc: Y.Doc) {
    this.current = readAll(doc);
    this.stop = observeBoard(doc, (changes) => {
      const next = applyChanges(doc, this.current, changes);
      if (next === this.current) return;
      this.current = next;
      for (const listener of this.listeners) listener(next, changes);
    });
  }

  get items(): BoardItems {
    return this.current;
  }

  subscribe(listener: BoardCacheListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.stop();
    this.listeners.clear();
  }
}

const caches = new WeakMap<Y.Doc, BoardCache>();

/** The cache of `doc`, made on first use; it lives as long as the document. */
export function boardCache(doc: Y.Doc): BoardCache {
  let cache = caches.get(doc);
  if (!cache) {
    cache = new BoardCache(doc);
    caches.set(doc, cache);
    doc.once('destroy', () => {
      cache?.destroy();
      caches.delete(doc);
    });
  }
  return cache;
}

export function useBoardItems(doc: Y.Doc): BoardItems {
  const cache = boardCache(doc);
  return useSyncExternalStore(
    (listener) => cache.subscribe(listener),
    () => cache.items,
  );
}
