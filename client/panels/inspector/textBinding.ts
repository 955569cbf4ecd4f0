// Binds an <input> or <textarea> to a Y.Text: each local keystroke becomes one small edit of the
// Y.Text (diffText, with the caret to place ambiguous edits), and each remote change is written
// into the field with the caret and selection mapped through the change's delta, so a person
// keeps typing where they were while others type elsewhere in the same text. While an input
// method composes (IME), remote changes wait and are merged when the composition ends.
import type * as Y from 'yjs';
import { diffText, type TextEdit } from '../../../shared/model/index.ts';

export type DeltaOp = { insert?: unknown; retain?: number; delete?: number };
export type Delta = readonly DeltaOp[];

function insertLength(insert: unknown): number {
  return typeof insert === 'string' ? insert.length : 1;
}

/**
 * Where a position of the old text lands in the new one. Text inserted at the position pushes it
 * right (the caret stays after what others type at the same spot); a position inside deleted
 * text moves to where the deletion was.
 */
export function mapIndex(index: number, delta: Delta): number {
  let oldPos = 0;
  let newPos = 0;
  for (const op of delta) {
    if (op.retain !== undefined) {
      if (index < oldPos + op.retain) return newPos + (index - oldPos);
      oldPos += op.retain;
      newPos += op.retain;
    } else if (op.insert !== undefined) {
      newPos += insertLength(op.insert);
    } else if (op.delete !== undefined) {
      if (index < oldPos + op.delete) return newPos;
      oldPos += op.delete;
    }
  }
  return newPos + (index - oldPos);
}

/** A local edit made against the old text, moved onto the new one. */
export function mapEdit(edit: TextEdit, delta: Delta): TextEdit {
  const start = mapIndex(edit.index, delta);
  const end = mapIndex(edit.index + edit.remove, delta);
  return { index: start, remove: Math.max(0, end - start), insert: edit.insert };
}

export type TextField = HTMLInputElement | HTMLTextAreaElement;

/**
 * Keeps `el` and `text` in step until the returned function is called. `write` applies a local
 * edit to the document (through the model, with the local origin); when it throws, the field is
 * reset to the document's text.
 */
export function bindTextField(el: TextField, text: Y.Text, write: (edit: TextEdit) => void): () => void {
  // What the field showed after the last sync: the text the next local edit is diffed against.
  let base = text.toString();
  let composing = false;
  let pending: Delta[] = [];
  const focused = () => el.ownerDocument.activeElement === el;
  if (el.value !== base) el.value = base;

  const resync = (caret: number | null) => {
    const content = text.toString();
    if (el.value !== content) el.value = content;
    base = content;
    if (caret !== null && focused()) el.setSelectionRange(caret, caret);
  };

  let writing = false;
  const apply = (edit: TextEdit) => {
    if (edit.remove === 0 && edit.insert === '') return;
    writing = true;
    try {
      write(edit);
    } catch {
      resync(null);
    } finally {
      writing = false;
    }
  };

  const onInput = (event: Event) => {
    if (composing || (event as InputEvent).isComposing) return;
    const next = el.value;
    if (next === base) return;
    const edit = diffText(base, next, el.selectionEnd ?? undefined);
    base = next;
    apply(edit);
  };

  const onCompositionStart = () => {
    composing = true;
    pending = [];
  };

  const onCompositionEnd = () => {
    composing = false;
    // The composed text was diffed against the text before the composition; others' changes
    // made meanwhile move it before it is written.
    const local = diffText(base, el.value, el.selectionEnd ?? undefined);
    const edit = pending.reduce((moved, delta) => mapEdit(moved, delta), local);
    pending = [];
    apply(edit);
    resync(edit.index + edit.insert.length);
  };

  const observer = (event: Y.YTextEvent) => {
    if (writing) return;
    if (composing) {
      pending.push(event.delta as Delta);
      return;
    }
    const content = text.toString();
    // Our own keystroke: the field already shows it.
    if (content === base) return;
    const hasFocus = focused();
    const start = el.selectionStart;
    const end = el.selectionEnd;
    const direction = el.selectionDirection ?? undefined;
    el.value = content;
    base = content;
    if (hasFocus && start !== null && end !== null) {
      const delta = event.delta as Delta;
      el.setSelectionRange(mapIndex(start, delta), mapIndex(end, delta), direction);
    }
  };

  el.addEventListener('input', onInput);
  el.addEventListener('compositionstart', onCompositionStart);
  el.addEventListener('compositionend', onCompositionEnd);
  text.observe(observer);
  return () => {
    el.removeEventListener('input', onInput);
    el.removeEventListener('compositionstart', onCompositionStart);
    el.removeEventListener('compositionend', onCompositionEnd);
    text.unobserve(observer);
  };
}
