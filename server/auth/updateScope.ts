// Which cards and links an incoming update touches, found before it is applied: each struct of
// the update (and each deleted range) is traced to the top-level card or link it belongs to,
// through the document and through the update's own structs. Permission rules read the result.
import * as Y from 'yjs';
import { boardRootOf } from '../../shared/model/index.ts';

export interface Touch {
  /** 'cards' or 'links' for board items; another root name (e.g. 'meta') otherwise. */
  root: string;
  /** The card or link id; '' for a change to a root other than cards and links. */
  id: string;
  /** Keys from the item down to the change, e.g. ['status'] or ['fields', 'title']. */
  path: string[];
  /** For a new map entry: its value when it is a plain value (e.g. the new status). */
  value?: unknown;
  deleted: boolean;
}

interface Owner {
  root: string;
  id: string;
  path: string[];
}

type AnyType = Y.AbstractType<unknown>;

/** Where a type in the document sits: its root name, and the map keys from the root down. */
function ownerOfType(doc: Y.Doc, type: AnyType): Owner | null {
  const keys: string[] = [];
  let current: AnyType = type;
  while (current._item) {
    const item = current._item;
    if (item.parentSub === null) keys.push('#');
    else keys.push(item.parentSub);
    current = item.parent as AnyType;
  }
  const root = boardRootOf(doc, current);
  if (root === null) return null;
  keys.reverse();
  return { root, id: keys[0] ?? '', path: keys.slice(1) };
}

function docItem(doc: Y.Doc, id: Y.ID): Y.Item | null {
  if (Y.getState(doc.store, id.client) <= id.clock) return null;
  const struct = Y.getItem(doc.store, id);
  return struct instanceof Y.Item ? struct : null;
}

/** The owner of an item that exists in the document: where it sits in its parent type. */
function ownerOfDocItem(doc: Y.Doc, item: Y.Item): Owner | null {
  const parentOwner = ownerOfType(doc, item.parent as AnyType);
  if (!parentOwner) return null;
  return extend(parentOwner, item.parentSub);
}

function extend(owner: Owner, key: string | null): Owner {
  // A key directly under a root names the item itself (the card id); deeper keys form the path.
  if (owner.id === '') return { root: owner.root, id: key ?? '#', path: [] };
  return { root: owner.root, id: owner.id, path: [...owner.path, key ?? '#'] };
}

export class UnresolvableUpdate extends Error {}

/** An update's structs and deletions, as Y.decodeUpdate reads them. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * Traces every struct and deletion of `update` to the card or link it touches. The room passes
 * the update already decoded (it decodes each incoming update once for all its checks).
 */
export function touchesOf(doc: Y.Doc, update: Uint8Array | DecodedUpdate): Touch[] {
  const { structs, ds } = update instanceof Uint8Array ? Y.decodeUpdate(update) : update;
  // The update's own items by client, in clock order, for binary search.
  const byClient = new Map<number, Y.Item[]>();
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    const list = byClient.get(s.id.client) ?? [];
    list.push(s);
    byClient.set(s.id.client, list);
  }
  const findInUpdate = (id: Y.ID): Y.Item | null => {
    const list = byClient.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid] as Y.Item;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return null;
  };

  const resolving = new Set<Y.Item>();
  // The owner of the type whose item has this id (the type a struct is inserted into).
  const ownerOfTypeItem = (id: Y.ID): Owner | null => {
    const existing = docItem(doc, id);
    if (existing) {
      const content = existing.content;
      if (content instanceof Y.ContentType) return ownerOfType(doc, content.type as AnyType);
      return null;
    }
    const fresh = findInUpdate(id);
    return fresh ? ownerOfStruct(fresh) : null;
  };
  // The owner of a struct of the update: where it lands, from its parent or its neighbours.
  const ownerOfStruct = (s: Y.Item): Owner | null => {
    if (resolving.has(s)) return null;
    resolving.add(s);
    try {
      let parentOwner: Owner | null = null;
      if (typeof s.parent === 'string') {
        parentOwner = { root: s.parent, id: '', path: [] };
      } else if (s.parent instanceof Y.ID) {
        parentOwner = ownerOfTypeItem(s.parent);
      } else {
        // No parent given: it is inserted next to its origin (or right origin), in the same type.
        const neighbour = s.origin ?? s.rightOrigin;
        if (!neighbour) return null;
        const docNeighbour = docItem(doc, neighbour);
        if (docNeighbour) return ownerOfDocItem(doc, docNeighbour);
        const freshNeighbour = findInUpdate(neighbour);
        return freshNeighbour ? ownerOfStruct(freshNeighbour) : null;
      }
      return parentOwner ? extend(parentOwner, s.parentSub) : null;
    } finally {
      resolving.delete(s);
    }
  };

  const touches: Touch[] = [];
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    // What the document already holds changes nothing when applied again: a client re-sending
    // others' edits (its offline copy loading after the socket opened) is not editing them.
    if (Y.getState(doc.store, s.id.client) >= s.id.clock + s.length) continue;
    const owner = ownerOfStruct(s);
    if (!owner) throw new UnresolvableUpdate(`cannot tell what ${s.id.client}:${s.id.clock} changes`);
    const content = s.content;
    const value = content instanceof Y.ContentAny ? content.getContent()[0] : undefined;
    touches.push({ ...owner, value, deleted: false });
  }
  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      for (let clock = range.clock; clock < range.clock + range.len; ) {
        const item = docItem(doc, Y.createID(client, clock));
        if (!item) break;
        // Deleting what is already deleted changes nothing.
        const owner = item.deleted ? null : ownerOfDocItem(doc, item);
        if (owner) touches.push({ ...owner, deleted: true });
        clock = item.id.clock + item.length;
      }
    }
  }
  return touches;
}
