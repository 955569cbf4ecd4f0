// Roots of the shared board that only the server writes: the attendance (who took part, from the
// connections the server admitted, shared/model/attendance.ts). No client may touch them,
// whatever its role: a facilitator may change anything else on the board, but not the record of
// who was there. Pure: touches in, a verdict out.
import { BOARD_ROOTS } from '../../shared/model/index.ts';
import type { EditVerdict } from './editRules.ts';
import type { Touch } from './updateScope.ts';

export const SERVER_ONLY_ROOTS: ReadonlySet<string> = new Set([BOARD_ROOTS.attendance]);

export type EditRules = (touches: readonly Touch[]) => EditVerdict | Promise<EditVerdict>;

/** Refuses an update that adds, changes or deletes anything under a server-only root. */
export function checkServerRoots(touches: readonly Touch[]): EditVerdict {
  for (const touch of touches) {
    if (SERVER_ONLY_ROOTS.has(touch.root)) return { ok: false, reason: 'server-only' };
  }
  return { ok: true };
}

/** A role's rules (null: the role may change anything) behind the server-only roots check. */
export function withServerRoots(rules: EditRules | null): EditRules {
  return (touches) => {
    const verdict = checkServerRoots(touches);
    return verdict.ok && rules ? rules(touches) : verdict;
  };
}
