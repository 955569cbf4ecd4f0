// Keys pressed inside a panel (on its buttons, checkboxes, list rows) belong to the panel: they
// must not reach the board's shortcuts, where Backspace would delete the selection and a letter
// would add a card. Ctrl/Cmd combinations (undo, zoom) still pass. Escape leaves the focused
// control, so that a second Escape reaches the board (and clears the selection).
import type { KeyboardEvent } from 'react';

export function keepKeysInPanel(e: KeyboardEvent): void {
  if (e.key === 'Escape') {
    if (e.target instanceof HTMLElement) e.target.blur();
    return;
  }
  if (e.ctrlKey || e.metaKey) return;
  e.stopPropagation();
}
