// What a participant may change on the shared board: cards and links, except agreed ones
// (locked once the facilitator agrees them, except for their comments), and never the agreement
// itself, the workshop settings (meta) or the dots of a vote (each person's dots stay on their
// private ballot until the facilitator reveals them; the server then writes them here).
// Facilitators may change everything; viewers nothing (they are refused before this).
// Pure: touches and the board's state in, a verdict out.
import { BOARD_ROOTS, type CardStatus, itemPartOf } from '../../shared/model/index.ts';
import type { Touch } from './updateScope.ts';

export type EditVerdict = { ok: true } | { ok: false; reason: string };

export interface BoardState {
  statusOf(root: string, id: string): CardStatus | undefined;
}

const itemKey = (touch: Touch) => `${touch.root}/${touch.id}`;

export function checkParticipantEdit(touches: readonly Touch[], board: BoardState): EditVerdict {
  // Deleting a card or link deletes everything in it (its dots too): those go with the item. A
  // new item starts with an empty map for dots.
  const removed = new Set<string>();
  const created = new Set<string>();
  for (const touch of touches) {
    if (touch.path.length === 0) (touch.deleted ? removed : created).add(itemKey(touch));
  }
  for (const touch of touches) {
    if (touch.root !== BOARD_ROOTS.cards && touch.root !== BOARD_ROOTS.links) {
      return { ok: false, reason: touch.root === BOARD_ROOTS.meta ? 'workshop-settings' : 'unknown-root' };
    }
    const part = itemPartOf(touch.path);
    if (board.statusOf(touch.root, touch.id) === 'agreed' && part !== 'comments')
      return { ok: false, reason: 'locked' };
    if (part === 'status' && !touch.deleted && touch.value === 'agreed') return { ok: false, reason: 'agreeing' };
    if (part === 'votes') {
      const key = itemKey(touch);
      const allowed = touch.deleted ? removed.has(key) : touch.path.length === 1 && created.has(key);
      if (!allowed) return { ok: false, reason: 'votes' };
    }
  }
  return { ok: true };
}
