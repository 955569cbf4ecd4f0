// What a participant may change on the shared board: cards and links, except agreed ones
// (locked once the facilitator agrees them, except for their comments) and what an agreed item
// stands on (shared/model/locks.ts: its links, and the cards at their other ends, which may be
// edited but not deleted), and never the agreement itself, the workshop settings (meta), the
// walk-through's records (validation) or the dots of a vote (each person's dots stay on their private ballot until the facilitator reveals
// them; the server then writes them here).
// Facilitators may change everything; viewers nothing (they are refused before this).
// Pure: touches and the board's state in, a verdict out.
import type * as Y from 'yjs';
import {
  BOARD_ROOTS,
  type CardStatus,
  changesCardIdentity,
  docLockView,
  heldCards,
  itemPartOf,
  itemStatus,
  type LockView,
  linkEndAt,
  linkLockOf,
} from '../../shared/model/index.ts';
import type { Touch } from './updateScope.ts';

export type EditVerdict = { ok: true } | { ok: false; reason: string };

/** The board before the update. */
export interface BoardState {
  statusOf(root: string, id: string): CardStatus | undefined;
  /** The same board, for the locks agreed cards put on their links and the cards those join. */
  locks: LockView;
}

/**
 * The state of a document for `checkParticipantEdit`, read as it is now (before the update). A
 * card's links are found through an index the document keeps current (made on first use), so a
 * participant's new or deleted card costs the card's links, not the board's.
 */
export function boardStateOf(doc: Y.Doc): BoardState {
  return { statusOf: (root, id) => itemStatus(doc, root, id), locks: docLockView(doc, { indexed: true }) };
}

const itemKey = (touch: Touch) => `${touch.root}/${touch.id}`;

/** The facilitator's roots, and the reason a participant's touch of each is refused. */
const FACILITATOR_ROOTS: ReadonlyMap<string, string> = new Map([
  [BOARD_ROOTS.meta, 'workshop-settings'],
  [BOARD_ROOTS.validation, 'walk-through'],
]);

/**
 * Refusal reasons (counted in /metrics): `locked` for an agreed item, `locked-link` for a link of
 * an agreed card (changed, deleted, or a link made or moved onto one), `held` for deleting,
 * replacing or re-kinding a card an agreed item is linked to, `workshop-settings` for the settings,
 * `walk-through` for the walk-through's records.
 */
export function checkParticipantEdit(touches: readonly Touch[], board: BoardState): EditVerdict {
  // Deleting a card or link deletes everything in it (its dots too): those go with the item. A
  // new item starts with an empty map for dots.
  const removed = new Set<string>();
  const created = new Set<string>();
  for (const touch of touches) {
    if (touch.path.length === 0) (touch.deleted ? removed : created).add(itemKey(touch));
  }
  // Which of the cards the update removes, replaces or re-kinds are held: one pass over the links'
  // ends, only for such an update (a new card is one: its id may be the missing end of a locked
  // link, which the card would bring back).
  const identity = new Set<string>();
  for (const touch of touches) {
    if (touch.root === BOARD_ROOTS.cards && changesCardIdentity(touch.path)) identity.add(touch.id);
  }
  const held = identity.size > 0 ? heldCards(board.locks, identity) : null;
  for (const touch of touches) {
    if (touch.root !== BOARD_ROOTS.cards && touch.root !== BOARD_ROOTS.links) {
      return { ok: false, reason: FACILITATOR_ROOTS.get(touch.root) ?? 'unknown-root' };
    }
    const part = itemPartOf(touch.path);
    if (board.statusOf(touch.root, touch.id) === 'agreed' && part !== 'comments')
      return { ok: false, reason: 'locked' };
    if (touch.root === BOARD_ROOTS.links && part !== 'comments') {
      // A link with an agreed card at an end, as the board holds it (this covers replacing the
      // link's entry, and deleting or moving either end)…
      if (linkLockOf(board.locks, touch.id)) return { ok: false, reason: 'locked-link' };
      // …and any end written by the update, of a new link or a moved one. Every value written
      // counts, even one a later struct of the update overwrites.
      const end = linkEndAt(touch.path);
      if (end && !touch.deleted && typeof touch.value === 'string') {
        if (board.locks.cardStatus(touch.value) === 'agreed') return { ok: false, reason: 'locked-link' };
      }
    }
    if (touch.root === BOARD_ROOTS.cards && changesCardIdentity(touch.path) && held?.has(touch.id))
      return { ok: false, reason: 'held' };
    if (part === 'status' && !touch.deleted && touch.value === 'agreed') return { ok: false, reason: 'agreeing' };
    if (part === 'votes') {
      const key = itemKey(touch);
      const allowed = touch.deleted ? removed.has(key) : touch.path.length === 1 && created.has(key);
      if (!allowed) return { ok: false, reason: 'votes' };
    }
  }
  return { ok: true };
}
