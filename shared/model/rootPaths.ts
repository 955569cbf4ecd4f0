// For code that must reason about changes below the typed operations (the server's permission
// checks on raw updates): the names of the board's roots and what a key path inside an item is.
import * as Y from 'yjs';
import { readStatus } from './itemCommon.ts';
import { ATTENDANCE_KEY, CARDS_KEY, cardsMap, K, LINKS_KEY, linksMap, META_KEY, VALIDATION_KEY } from './layout.ts';
import type { CardStatus } from './vocabulary.ts';

export const BOARD_ROOTS = {
  cards: CARDS_KEY,
  links: LINKS_KEY,
  meta: META_KEY,
  attendance: ATTENDANCE_KEY,
  validation: VALIDATION_KEY,
} as const;

/** What a root map's entries are: maps (a card, a link) or plain values (a setting, a ballot, a record). */
export type RootEntry = 'map' | 'value';

/** The shared board's roots and what each holds; nothing else belongs in the document. */
export const BOARD_ROOT_ENTRIES: ReadonlyMap<string, RootEntry> = new Map([
  [CARDS_KEY, 'map'],
  [LINKS_KEY, 'map'],
  [META_KEY, 'value'],
  [ATTENDANCE_KEY, 'value'],
  [VALIDATION_KEY, 'value'],
]);

/** The name under which `type` is a root of `doc`, or null when it is not a root. */
export function boardRootOf(doc: Y.Doc, type: unknown): string | null {
  for (const [name, root] of doc.share) if (root === type) return name;
  return null;
}

export type ItemPart = 'status' | 'votes' | 'comments' | 'content';

/** What part of a card or link a key path (from the item down) changes. */
export function itemPartOf(path: readonly string[]): ItemPart {
  switch (path[0]) {
    case K.status:
      return 'status';
    case K.votes:
      return 'votes';
    case K.comments:
      return 'comments';
    default:
      return 'content';
  }
}

/** The status of the card or link `id` under the root `root`, read without a full snapshot. */
export function itemStatus(doc: Y.Doc, root: string, id: string): CardStatus | undefined {
  const map = root === CARDS_KEY ? cardsMap(doc) : root === LINKS_KEY ? linksMap(doc) : null;
  const item = map?.get(id);
  return item instanceof Y.Map ? readStatus(item) : undefined;
}
