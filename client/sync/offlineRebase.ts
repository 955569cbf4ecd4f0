// Offline work rebased onto the board as the server has it, after the server refused an update.
// Pure (Y.Docs in, Y.Docs and plain data out; no socket, no storage), in three steps:
//
// 1. `localChanges(confirmed, local)`: what this browser changed, per card and link, since the
//    last state the server confirmed: items made, deleted, and the keys and fields set (the values
//    as the local board holds them), and the comments added.
// 2. `replayChanges(fresh, changes, role)`: those changes written again, through the model's typed
//    operations, onto a fresh document holding the server's state (so under a new client id: the
//    refused structs are never sent again), skipping what the lock rule (shared/model/locks.ts)
//    says this person may not change now. A participant's comment on a locked item still goes in.
// 3. `refusalText`: why a change was not applied, naming the item, for the person.
//
// Per field the last writer wins, as in a live edit: a text field the person changed offline is
// set to their text (as the smallest splice from the server's text), a list field to their list.
import * as Y from 'yjs';
import {
  addCard,
  addComment,
  addLink,
  type Card,
  type CardStatus,
  type Comment,
  cardLock,
  cardTitle,
  deleteCards,
  deleteLinks,
  docLockView,
  getCard,
  getLink,
  type ItemLock,
  type Link,
  linkLockOf,
  moveCards,
  newLinkLock,
  readCardItem,
  readLinkItem,
  resizeCard,
  retargetLink,
  updateCard,
  updateLink,
} from '../../shared/model/index.ts';

export type RebaseRole = 'facilitator' | 'participant' | 'viewer';

interface ChangeBase {
  id: string;
  /** How the person would name the item: a card's title, a link's two cards. */
  label: string;
  /** Comments this person added to the item while it was not confirmed. */
  comments: Comment[];
}

export type ItemChange =
  | (ChangeBase & { type: 'card'; action: 'add'; card: Card })
  | (ChangeBase & { type: 'link'; action: 'add'; link: Link })
  | (ChangeBase & { type: 'card' | 'link'; action: 'delete' })
  | (ChangeBase & {
      type: 'card';
      action: 'update';
      /** The keys set (x, y, w, h, status) and the fields, with their local values. */
      set: CardSet;
    })
  | (ChangeBase & { type: 'link'; action: 'update'; set: LinkSet });

export interface CardSet {
  x?: number;
  y?: number;
  w?: number;
  h?: number;
  status?: CardStatus;
  fields?: Record<string, unknown>;
}

export interface LinkSet {
  from?: string;
  to?: string;
  status?: CardStatus;
  fields?: Record<string, unknown>;
}

export type RefusalReason = 'viewer' | 'agreed' | 'linked-to-agreed' | 'held' | 'gone' | 'invalid';

export interface Refusal {
  change: ItemChange;
  reason: RefusalReason;
}

export interface ReplayResult {
  applied: ItemChange[];
  refused: Refusal[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function cardLabel(card: Card | undefined): string {
  const title = card ? cardTitle(card).trim() : '';
  if (title) return title.length > 60 ? `${title.slice(0, 59)}…` : title;
  return card ? `a ${card.kind} card` : 'a card';
}

function linkLabel(link: Link, cards: (id: string) => Card | undefined): string {
  return `the link from “${cardLabel(cards(link.from))}” to “${cardLabel(cards(link.to))}”`;
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(after)) {
    if (!same(before[name], value)) out[name] = value;
  }
  return out;
}

function newComments(before: readonly Comment[], after: readonly Comment[]): Comment[] {
  const known = new Set(before.map((c) => c.id));
  return after.filter((c) => !known.has(c.id));
}

function readAll<T extends { id: string }>(map: Y.Map<unknown>, read: (item: Y.Map<unknown>) => T | undefined) {
  const out = new Map<string, T>();
  for (const item of map.values()) {
    const value = item instanceof Y.Map ? read(item as Y.Map<unknown>) : undefined;
    if (value) out.set(value.id, value);
  }
  return out;
}

/**
 * What the local board changed since `confirmed` (the last state the server confirmed), per card
 * and link. Cards come before links, so that replaying in order makes a new link's cards first.
 */
export function localChanges(confirmed: Y.Doc, local: Y.Doc): ItemChange[] {
  const beforeCards = readAll(confirmed.getMap('cards'), readCardItem);
  const afterCards = readAll(local.getMap('cards'), readCardItem);
  const beforeLinks = readAll(confirmed.getMap('links'), readLinkItem);
  const afterLinks = readAll(local.getMap('links'), readLinkItem);
  const cardOf = (id: string) => afterCards.get(id) ?? beforeCards.get(id);
  const out: ItemChange[] = [];
  for (const [id, card] of afterCards) {
    const old = beforeCards.get(id);
    const label = cardLabel(card);
    if (!old || old.kind !== card.kind) {
      out.push({ type: 'card', action: 'add', id, label, card, comments: card.comments });
      continue;
    }
    const set: CardSet = {};
    for (const key of ['x', 'y', 'w', 'h'] as const) if (old[key] !== card[key]) set[key] = card[key];
    if (old.status !== card.status) set.status = card.status;
    const fields = changedFields(old.fields, card.fields);
    if (Object.keys(fields).length > 0) set.fields = fields;
    const comments = newComments(old.comments, card.comments);
    if (Object.keys(set).length > 0 || comments.length > 0) {
      out.push({ type: 'card', action: 'update', id, label: cardLabel(old), set, comments });
    }
  }
  for (const [id, card] of beforeCards) {
    if (!afterCards.has(id)) out.push({ type: 'card', action: 'delete', id, label: cardLabel(card), comments: [] });
  }
  for (const [id, link] of afterLinks) {
    const old = beforeLinks.get(id);
    const label = linkLabel(link, cardOf);
    if (!old || old.kind !== link.kind) {
      out.push({ type: 'link', action: 'add', id, label, link, comments: link.comments });
      continue;
    }
    const set: LinkSet = {};
    if (old.from !== link.from) set.from = link.from;
    if (old.to !== link.to) set.to = link.to;
    if (old.status !== link.status) set.status = link.status;
    const fields = changedFields(old.fields, link.fields);
    if (Object.keys(fields).length > 0) set.fields = fields;
    const comments = newComments(old.comments, link.comments);
    if (Object.keys(set).length > 0 || comments.length > 0) {
      out.push({ type: 'link', action: 'update', id, label: linkLabel(old, cardOf), set, comments });
    }
  }
  for (const [id, link] of beforeLinks) {
    if (!afterLinks.has(id)) {
      out.push({ type: 'link', action: 'delete', id, label: linkLabel(link, cardOf), comments: [] });
    }
  }
  const rank = (c: ItemChange) => (c.type === 'card' ? 0 : 1) + (c.action === 'delete' ? 2 : 0);
  return out.sort((a, b) => rank(a) - rank(b));
}

/** Why a participant may not make this change on `fresh` now, or null. */
function lockOf(fresh: Y.Doc, change: ItemChange): ItemLock | null {
  const view = docLockView(fresh);
  if (change.action === 'add') {
    if (change.type === 'card') return cardLock(view, change.id);
    return newLinkLock(view, change.link.from, change.link.to);
  }
  if (change.type === 'card') {
    const lock = cardLock(view, change.id);
    // A held card may be edited and moved, not deleted.
    if (lock?.reason === 'held' && change.action === 'update') return null;
    return lock;
  }
  const lock = linkLockOf(view, change.id);
  if (lock || change.action !== 'update') return lock;
  const link = getLink(fresh, change.id);
  if (link && (change.set.from !== undefined || change.set.to !== undefined)) {
    return newLinkLock(view, change.set.from ?? link.from, change.set.to ?? link.to);
  }
  return null;
}

function exists(fresh: Y.Doc, change: ItemChange): boolean {
  return change.type === 'card' ? getCard(fresh, change.id) !== undefined : getLink(fresh, change.id) !== undefined;
}

/** The comments of a change, added again (allowed on any item that still exists, agreed or not). */
function replayComments(fresh: Y.Doc, change: ItemChange, origin: unknown): boolean {
  if (change.comments.length === 0 || !exists(fresh, change)) return false;
  const ref = { type: change.type, id: change.id };
  for (const c of change.comments) {
    addComment(fresh, ref, { author: c.author, text: c.text, replyTo: c.replyTo, mentions: c.mentions }, origin);
  }
  return true;
}

/** Writes one change's keys and fields where the fresh board differs from them. */
function applyChange(fresh: Y.Doc, change: ItemChange, role: RebaseRole, origin: unknown): void {
  const status = (s: CardStatus | undefined) => (role === 'participant' && s === 'agreed' ? undefined : s);
  switch (change.action) {
    case 'add':
      if (change.type === 'card') {
        const { card } = change;
        addCard(
          fresh,
          {
            id: card.id,
            kind: card.kind,
            x: card.x,
            y: card.y,
            w: card.w,
            h: card.h,
            status: status(card.status) ?? 'proposed',
            author: card.author,
            fields: card.fields as never,
          },
          origin,
        );
      } else if (change.type === 'link') {
        const { link } = change;
        addLink(
          fresh,
          {
            id: link.id,
            kind: link.kind,
            from: link.from,
            to: link.to,
            status: status(link.status) ?? 'proposed',
            author: link.author,
            fields: link.fields as never,
          },
          origin,
        );
      }
      return;
    case 'delete':
      if (change.type === 'card') deleteCards(fresh, [change.id], origin);
      else deleteLinks(fresh, [change.id], origin);
      return;
    case 'update': {
      if (change.type === 'card') {
        const now = getCard(fresh, change.id) as Card;
        const { set } = change;
        const x = set.x ?? now.x;
        const y = set.y ?? now.y;
        if (x !== now.x || y !== now.y) moveCards(fresh, [{ id: change.id, x, y }], origin);
        const w = set.w ?? now.w;
        const h = set.h ?? now.h;
        if (w !== now.w || h !== now.h) resizeCard(fresh, change.id, w, h, origin);
        const fields = set.fields ? changedFields(now.fields, set.fields) : {};
        const next = status(set.status);
        const patch = {
          ...(next !== undefined && next !== now.status ? { status: next } : {}),
          ...(Object.keys(fields).length > 0 ? { fields } : {}),
        };
        if (Object.keys(patch).length > 0) updateCard(fresh, change.id, patch, origin);
      } else {
        const now = getLink(fresh, change.id) as Link;
        const { set } = change;
        if (set.from !== undefined && set.from !== now.from) retargetLink(fresh, change.id, 'from', set.from, origin);
        if (set.to !== undefined && set.to !== now.to) retargetLink(fresh, change.id, 'to', set.to, origin);
        const fields = set.fields ? changedFields(now.fields, set.fields) : {};
        const next = status(set.status);
        const patch = {
          ...(next !== undefined && next !== now.status ? { status: next } : {}),
          ...(Object.keys(fields).length > 0 ? { fields } : {}),
        };
        if (Object.keys(patch).length > 0) updateLink(fresh, change.id, patch, origin);
      }
      return;
    }
  }
}

/** Whether the change does anything besides adding comments. */
function editsItem(change: ItemChange): boolean {
  return change.action !== 'update' || Object.keys(change.set).length > 0;
}

/**
 * Replays `changes` onto `fresh` (the server's board) as new operations with `origin`, in one
 * transaction, skipping those `role` may not make now. Viewers may make none.
 */
export function replayChanges(
  fresh: Y.Doc,
  changes: readonly ItemChange[],
  role: RebaseRole,
  origin: unknown,
): ReplayResult {
  const applied: ItemChange[] = [];
  const refused: Refusal[] = [];
  fresh.transact(() => {
    for (const change of changes) {
      if (role === 'viewer') {
        refused.push({ change, reason: 'viewer' });
        continue;
      }
      const edits = editsItem(change);
      if (edits && change.action !== 'add' && !exists(fresh, change)) {
        // Deleted meanwhile: a deletion is then done already, an edit has nothing to land on.
        if (change.action !== 'delete') refused.push({ change, reason: 'gone' });
        continue;
      }
      if (edits && change.action === 'add' && exists(fresh, change)) continue;
      const lock = edits && role === 'participant' ? lockOf(fresh, change) : null;
      if (lock) {
        refused.push({ change, reason: lock.reason });
        // Comments are allowed on a locked item: they go in all the same.
        if (change.action === 'update') replayComments(fresh, change, origin);
        continue;
      }
      try {
        if (edits) applyChange(fresh, change, role, origin);
        if (change.action !== 'delete') replayComments(fresh, change, origin);
        applied.push(change);
      } catch {
        // A value the model refuses, or a link whose card is gone: the model wrote nothing of it.
        refused.push({ change, reason: 'invalid' });
      }
    }
  }, origin);
  return { applied, refused };
}

const WHY: Record<RefusalReason, string> = {
  viewer: 'your link lets you view the board, not change it',
  agreed: 'it was agreed while you were offline, so only the facilitator can change it',
  'linked-to-agreed': 'it is linked to an item agreed while you were offline, so only the facilitator can change it',
  held: 'it is linked to an item agreed while you were offline, so only the facilitator can delete it',
  gone: 'it was deleted while you were offline',
  invalid: 'the board changed so that it no longer fits',
};

/** "Your change to “Jobs desk” was not applied: it was agreed while you were offline, …". */
export function refusalText(refusal: Refusal): string {
  const { change } = refusal;
  const what = change.type === 'card' ? `“${change.label}”` : change.label;
  const verb =
    change.action === 'add' ? 'Your new' : change.action === 'delete' ? 'Your deletion of' : 'Your change to';
  const subject =
    change.action === 'add' ? (change.type === 'card' ? `card ${what}` : what.replace(/^the /, '')) : what;
  return `${verb} ${subject} was not applied: ${WHY[refusal.reason]}.`;
}

/** One message for all the refusals of a rebase (the first three named), or null when there are none. */
export function refusalsText(refused: readonly Refusal[]): string | null {
  if (refused.length === 0) return null;
  const named = refused.slice(0, 3).map(refusalText);
  const more = refused.length - named.length;
  return more > 0 ? `${named.join(' ')} And ${more} more change${more === 1 ? '' : 's'}.` : named.join(' ');
}
