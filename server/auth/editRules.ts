// What a participant may change: anything but workshop settings, agreed items (locked once the
// facilitator agrees them, except for comments) and the agreement itself. Facilitators may change
// everything; viewers nothing (they are refused before this). Pure: touches and statuses in,
// a verdict out.
import { BOARD_ROOTS, type CardStatus, itemPartOf } from '../../shared/model/index.ts';
import type { Touch } from './updateScope.ts';

export type EditVerdict = { ok: true } | { ok: false; reason: string };

export function checkParticipantEdit(
  touches: readonly Touch[],
  statusOf: (root: string, id: string) => CardStatus | undefined,
): EditVerdict {
  for (const touch of touches) {
    if (touch.root !== BOARD_ROOTS.cards && touch.root !== BOARD_ROOTS.links) {
      return { ok: false, reason: touch.root === BOARD_ROOTS.meta ? 'workshop-settings' : 'unknown-root' };
    }
    const part = itemPartOf(touch.path);
    if (statusOf(touch.root, touch.id) === 'agreed' && part !== 'comments') return { ok: false, reason: 'locked' };
    if (part === 'status' && !touch.deleted && touch.value === 'agreed') return { ok: false, reason: 'agreeing' };
  }
  return { ok: true };
}
