// What the walk-through's agreement locks for participants, and why. One rule for the server
// (which judges an update against the board as it was before it) and the browser (which shows the
// lock and does not offer what the server would refuse):
//
// - an agreed card or link is locked: only its comments may change (reason `agreed`);
// - the lock covers what an agreed item stands on. A link with an agreed card at either end is
//   locked too (`linked-to-agreed`): deleting or retargeting it, or changing its score or fields,
//   would change what was agreed without the facilitator. So is a new link to an agreed card (it
//   would pull something unagreed into the agreed plan), and moving an end of any link onto one;
// - a card at the other end of a locked link (an agreed link, or a link to an agreed card) is held
//   (`held`): it may be edited, moved and commented on, but not deleted, replaced, or turned into
//   another kind of card, since the agreed item would silently lose it.
//
// Facilitators are bound by none of this. Pure: a small read-only view of the board in, the lock
// out (`docLockView` reads a document, `itemsLockView` a browser's snapshots).
import * as Y from 'yjs';
import { readStatus, readString } from './itemCommon.ts';
import { cardsMap, K, linksMap } from './layout.ts';
import { observeBoard } from './observe.ts';
import type { CardStatus } from './vocabulary.ts';

export type LockReason = 'agreed' | 'linked-to-agreed' | 'held';

export interface ItemLock {
  reason: LockReason;
  /**
   * The agreed item behind the lock: for `linked-to-agreed`, an agreed card at one of the link's
   * ends; for `held`, the agreed card (or, for a card at an end of an agreed link between two
   * unagreed cards, that link) it is bound to. Empty for `agreed`.
   */
  by: { type: 'card' | 'link'; id: string } | null;
  /** For `held`: the locked link that holds the card. */
  link?: string;
}

/** A link as the lock rule sees it. */
export interface LockLink {
  id: string;
  from: string;
  to: string;
  status: CardStatus;
}

/** The part of a board the lock rule reads. */
export interface LockView {
  /** A card's status; undefined when there is no such card. */
  cardStatus(id: string): CardStatus | undefined;
  /** A link's ends and status; undefined when there is no such link. */
  link(id: string): LockLink | undefined;
  /** The ends of every link, those whose cards are missing too (`link` reads the rest). */
  links(): Iterable<LinkEnds>;
  /** The links with an end at `cardId`, when the view keeps an index (else `links` is scanned). */
  linksAt?(cardId: string): Iterable<LinkEnds>;
}

/** Where a link goes, without its status. */
export type LinkEnds = Omit<LockLink, 'status'>;

const isAgreed = (view: LockView, cardId: string) => view.cardStatus(cardId) === 'agreed';

/** Why a link is locked for participants, or null when it is not. */
export function linkLock(view: LockView, link: Omit<LockLink, 'id'>): ItemLock | null {
  if (link.status === 'agreed') return { reason: 'agreed', by: null };
  for (const end of [link.from, link.to]) {
    if (isAgreed(view, end)) return { reason: 'linked-to-agreed', by: { type: 'card', id: end } };
  }
  return null;
}

/**
 * Whether a participant may not make a link between these two cards (a new one, or an existing one
 * moved onto them): locked when either is agreed.
 */
export function newLinkLock(view: LockView, from: string, to: string): ItemLock | null {
  return linkLock(view, { from, to, status: 'proposed' });
}

/** The lock on the link `id`, or null (also when there is no such link). */
export function linkLockOf(view: LockView, id: string): ItemLock | null {
  const link = view.link(id);
  return link ? linkLock(view, link) : null;
}

/** The held card `end` is, by the lock on `link` (at one of its ends); null when it is not held. */
function heldBy(view: LockView, link: LinkEnds, end: string): ItemLock | null {
  if (end === '' || isAgreed(view, end)) return null;
  const full = view.link(link.id);
  const lock = full ? linkLock(view, full) : null;
  return lock ? { reason: 'held', by: lock.by ?? { type: 'link', id: link.id }, link: link.id } : null;
}

/**
 * The held cards among `ids` (all of them when omitted), in one pass over the links: the ends of
 * locked links that are not agreed themselves. Ids of missing cards count too: a card made under
 * such an id would bring the link back.
 */
export function heldCards(view: LockView, ids?: ReadonlySet<string>): Map<string, ItemLock> {
  const held = new Map<string, ItemLock>();
  const consider = (link: LinkEnds) => {
    for (const end of [link.from, link.to]) {
      if (held.has(end) || (ids && !ids.has(end))) continue;
      const lock = heldBy(view, link, end);
      if (lock) held.set(end, lock);
    }
  };
  if (ids && view.linksAt) {
    for (const id of ids) for (const link of view.linksAt(id)) consider(link);
  } else {
    for (const link of view.links()) consider(link);
  }
  return held;
}

/** Why a card is locked or held for participants, or null. Reads every link: for many cards, use `heldCards`. */
export function cardLock(view: LockView, id: string): ItemLock | null {
  if (isAgreed(view, id)) return { reason: 'agreed', by: null };
  return heldCards(view, new Set([id])).get(id) ?? null;
}

/** Which end of a link a key path (from the link's entry down) sets, when it sets one. */
export function linkEndAt(path: readonly string[]): 'from' | 'to' | null {
  if (path.length !== 1) return null;
  return path[0] === K.from ? 'from' : path[0] === K.to ? 'to' : null;
}

/**
 * Whether a change at a key path inside a card (from the card's entry down) removes or replaces
 * it as a link end: the card itself, or its kind or id. Everything else is its content.
 */
export function changesCardIdentity(path: readonly string[]): boolean {
  return path.length === 0 || (path.length === 1 && (path[0] === K.kind || path[0] === K.id));
}

/**
 * The links at each card of a document, kept current by one observer (`observeBoard`) as the
 * document changes, so that finding a card's links does not read every link on the board.
 */
export class LinkEndIndex {
  /** Each link's ends, as last read. */
  private readonly ends = new Map<string, LinkEnds>();
  /** Card id → the links with an end there. */
  private readonly at = new Map<string, Set<string>>();
  private readonly stop: () => void;

  constructor(private readonly doc: Y.Doc) {
    for (const id of linksMap(doc).keys()) this.reread(id);
    this.stop = observeBoard(doc, (changes) => {
      for (const id of changes.links) this.reread(id);
    });
  }

  private reread(id: string): void {
    const old = this.ends.get(id);
    if (old) {
      for (const end of [old.from, old.to]) {
        const set = this.at.get(end);
        set?.delete(id);
        if (set?.size === 0) this.at.delete(end);
      }
      this.ends.delete(id);
    }
    const item = linksMap(this.doc).get(id);
    if (!(item instanceof Y.Map)) return;
    const ends = { id, from: readString(item, K.from), to: readString(item, K.to) };
    this.ends.set(id, ends);
    for (const end of [ends.from, ends.to]) {
      let set = this.at.get(end);
      if (!set) {
        set = new Set();
        this.at.set(end, set);
      }
      set.add(id);
    }
  }

  *linksAt(cardId: string): Iterable<LinkEnds> {
    for (const id of this.at.get(cardId) ?? []) {
      const ends = this.ends.get(id);
      if (ends) yield ends;
    }
  }

  destroy(): void {
    this.stop();
  }
}

const indexes = new WeakMap<Y.Doc, LinkEndIndex>();

/** The link-end index of `doc`, made on first use (one pass over the links); it lives as long as the document. */
export function linkEndIndex(doc: Y.Doc): LinkEndIndex {
  let index = indexes.get(doc);
  if (!index) {
    const made = new LinkEndIndex(doc);
    indexes.set(doc, made);
    doc.once('destroy', () => {
      made.destroy();
      indexes.delete(doc);
    });
    index = made;
  }
  return index;
}

/**
 * The lock view of a document, read as the document is now (on the server: before an update).
 * With `indexed`, a card's links are found through the document's `linkEndIndex`.
 */
export function docLockView(doc: Y.Doc, options: { indexed?: boolean } = {}): LockView {
  const cards = cardsMap(doc);
  const links = linksMap(doc);
  const index = options.indexed ? linkEndIndex(doc) : null;
  return {
    cardStatus(id) {
      const item = cards.get(id);
      return item instanceof Y.Map ? readStatus(item) : undefined;
    },
    link(id) {
      const item = links.get(id);
      return item instanceof Y.Map
        ? { id, from: readString(item, K.from), to: readString(item, K.to), status: readStatus(item) }
        : undefined;
    },
    *links() {
      for (const [id, item] of links.entries()) {
        if (item instanceof Y.Map) yield { id, from: readString(item, K.from), to: readString(item, K.to) };
      }
    },
    ...(index ? { linksAt: (cardId: string) => index.linksAt(cardId) } : {}),
  };
}

/** The lock view of a browser's card and link snapshots (`listCards`, `listLinks`). */
export function itemsLockView(
  cards: ReadonlyMap<string, { status: CardStatus }>,
  links: ReadonlyMap<string, LockLink>,
): LockView {
  return {
    cardStatus: (id) => cards.get(id)?.status,
    link: (id) => links.get(id),
    links: () => links.values(),
  };
}
