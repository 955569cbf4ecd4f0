// The one rule for board shortcuts: a key pressed in a text field, an editor, a dialog or a menu
// belongs there, never to the board (focus left on a dialog's button included).
const OWN_KEYS_SELECTOR = 'dialog, [role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]';

function editable(el: HTMLElement): boolean {
  return el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
}

/** True when a key event aimed at `target` is not the board's to act on. */
export function keyBelongsElsewhere(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return editable(target) || target.closest(OWN_KEYS_SELECTOR) !== null;
}

/** For clipboard events: only a field keeps them (copying from a dialog's text is the browser's). */
export function typingInto(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && editable(target);
}
