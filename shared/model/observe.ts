// Tells a renderer which cards and links changed in a transaction, so it re-reads only those.
import * as Y from 'yjs';
import { cardsMap, linksMap, metaMap } from './layout.ts';

export interface BoardChanges {
  cards: Set<string>;
  links: Set<string>;
  meta: boolean;
  /** The transaction's origin: a renderer can tell local from remote edits. */
  origin: unknown;
  local: boolean;
}

function collect(events: readonly Y.YEvent<Y.AbstractType<unknown>>[], into: Set<string>): void {
  for (const event of events) {
    const [first] = event.path;
    if (typeof first === 'string') {
      into.add(first);
    } else if (event.target instanceof Y.Map) {
      // A change to the top-level map itself: cards or links added or removed.
      for (const key of event.changes.keys.keys()) into.add(key);
    }
  }
}

/** Calls `listener` once per transaction that touched the board; returns the unsubscribe. */
export function observeBoard(doc: Y.Doc, listener: (changes: BoardChanges) => void): () => void {
  // Compared by identity with the transaction's changed types, hence the widening to `unknown`.
  const cards: unknown = cardsMap(doc);
  const links: unknown = linksMap(doc);
  const meta: unknown = metaMap(doc);
  const onAfter = (tr: Y.Transaction) => {
    const changes: BoardChanges = { cards: new Set(), links: new Set(), meta: false, origin: tr.origin, local: tr.local };
    for (const [type, events] of tr.changedParentTypes) {
      if (type === cards) collect(events, changes.cards);
      else if (type === links) collect(events, changes.links);
      else if (type === meta) changes.meta = true;
    }
    if (changes.cards.size || changes.links.size || changes.meta) listener(changes);
  };
  doc.on('afterTransaction', onAfter);
  return () => doc.off('afterTransaction', onAfter);
}
