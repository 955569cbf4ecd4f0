// Tells a renderer which cards and links changed in a transaction, so it re-reads only those.
import * as Y from 'yjs';
import { cardsMap, linksMap, metaMap, validationMap } from './layout.ts';

export interface BoardChanges {
  cards: Set<string>;
  links: Set<string>;
  /** Whether the workshop's settings (`meta`) or the walk-through's records (`validation`) changed. */
  meta: boolean;
  /** The transaction's origin: a renderer can tell local from remote edits. */
  origin: unknown;
  local: boolean;
}

function collect(top: unknown, events: readonly Y.YEvent<Y.AbstractType<unknown>>[], into: Set<string>): void {
  for (const event of events) {
    if (event.target === top) {
      // A change to the top-level map itself: cards or links added or removed.
      for (const key of event.changes.keys.keys()) into.add(key);
      continue;
    }
    // A change inside one item (its position, fields, comments, votes): report that item's key.
    // `event.path` cannot be used here: it is relative to `currentTarget`, which Yjs only sets
    // when a deep observer exists, so without one it is empty.
    const key = keyUnder(top, event.target);
    if (key !== null) into.add(key);
  }
}

/** The key under `top` of the entry that contains `type`, or null when `type` is not inside `top`. */
function keyUnder(top: unknown, type: Y.AbstractType<unknown>): string | null {
  let current = type;
  while (current._item !== null) {
    const parent = current._item.parent;
    if (parent === top) return current._item.parentSub;
    if (!(parent instanceof Y.AbstractType)) return null;
    current = parent;
  }
  return null;
}

/** Calls `listener` once per transaction that touched the board; returns the unsubscribe. */
export function observeBoard(doc: Y.Doc, listener: (changes: BoardChanges) => void): () => void {
  // Compared by identity with the transaction's changed types, hence the widening to `unknown`.
  const cards: unknown = cardsMap(doc);
  const links: unknown = linksMap(doc);
  const meta: unknown = metaMap(doc);
  const validation: unknown = validationMap(doc);
  const onAfter = (tr: Y.Transaction) => {
    const changes: BoardChanges = {
      cards: new Set(),
      links: new Set(),
      meta: false,
      origin: tr.origin,
      local: tr.local,
    };
    for (const [type, events] of tr.changedParentTypes) {
      if (type === cards) collect(cards, events, changes.cards);
      else if (type === links) collect(links, events, changes.links);
      else if (type === meta || type === validation) changes.meta = true;
    }
    if (changes.cards.size || changes.links.size || changes.meta) listener(changes);
  };
  doc.on('afterTransaction', onAfter);
  return () => doc.off('afterTransaction', onAfter);
}
