// Editing a card's text in place: an HTML textarea laid over the card's text, scaled with the
// view. It is bound to the card's Y.Text as the inspector's fields are (useTextBinding): each
// keystroke is written at once and others' typing appears in it, so closing the editor writes
// nothing. Enter (Ctrl/Cmd+Enter in a note), Escape or leaving the field closes it; the text stays.
import { type KeyboardEvent, useEffect, useLayoutEffect, useRef } from 'react';
import type { Card } from '../../shared/model/kinds.ts';
import { useTextBinding } from '../panels/inspector/useTextBinding.ts';
import type { Viewport } from '../store/viewportSlice.ts';
import { undoManagerFor } from '../sync/undo.ts';
import type { ToolContext } from '../tools/context.ts';
import { DEFAULT_INTERVENTION_TITLE } from '../tools/createCards.ts';
import type { EditableField } from '../tools/editText.ts';
import { bringIntoOpenArea } from './openArea.ts';
import { FONT_FAMILY } from './theme.ts';

interface Props {
  ctx: ToolContext;
  card: Card;
  field: EditableField;
  viewport: Viewport;
  onDone: () => void;
}

interface Inset {
  left: number;
  top: number;
  right: number;
  bottom: number;
  fontSize: number;
  bold: boolean;
}

function insetOf(card: Card): Inset {
  switch (card.kind) {
    case 'note':
      return { left: 14, top: 14, right: 14, bottom: 30, fontSize: 15, bold: false };
    case 'frame':
      return { left: 0, top: -30, right: 0, bottom: card.h - 4, fontSize: 14, bold: true };
    default:
      return { left: 18, top: 32, right: 18, bottom: 28, fontSize: 16, bold: true };
  }
}

export function CardTextEditor({ ctx, card, field, viewport, onDone }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const finished = useRef(false);
  // Where the card was when the editor opened (the editor is keyed by the card).
  const openedAt = useRef({ x: card.x, y: card.y, w: card.w, h: card.h });
  useTextBinding(ref, ctx.doc, { type: 'card', id: card.id }, field.field);

  // After the binding has filled the field (both are layout effects, this one runs second).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // The board never scrolls: its camera moves to show the card, then the field takes focus.
    bringIntoOpenArea(openedAt.current);
    el.focus({ preventScroll: true });
    if (el.value === DEFAULT_INTERVENTION_TITLE) el.select();
    else el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  // One undo step per editing session, as when the text was written on closing: this person's
  // keystrokes merge into one step until the editor closes (others' edits are never in it).
  useEffect(() => {
    const manager = undoManagerFor(ctx.doc);
    const before = manager.captureTimeout;
    manager.stopCapturing();
    manager.captureTimeout = Number.POSITIVE_INFINITY;
    return () => {
      manager.captureTimeout = before;
      manager.stopCapturing();
    };
  }, [ctx.doc]);

  // A title is one line: a pasted line break becomes a space before the binding sees it.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || field.multiline) return;
    const onInput = () => {
      if (!el.value.includes('\n')) return;
      const caret = el.selectionEnd ?? el.value.length;
      const before = el.value.slice(0, caret).replace(/\s*\n\s*/g, ' ');
      el.value = before + el.value.slice(caret).replace(/\s*\n\s*/g, ' ');
      el.setSelectionRange(before.length, before.length);
    };
    // Capture phase: ahead of the binding's own listener on the same element.
    el.addEventListener('input', onInput, true);
    return () => el.removeEventListener('input', onInput, true);
  }, [field.multiline]);

  const finish = () => {
    if (finished.current) return;
    finished.current = true;
    onDone();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    e.stopPropagation();
    if (e.key === 'Escape' || (e.key === 'Enter' && (!field.multiline || e.metaKey || e.ctrlKey) && !e.shiftKey)) {
      e.preventDefault();
      finish();
    }
  };

  const inset = insetOf(card);
  const s = viewport.scale;
  return (
    <textarea
      ref={ref}
      className="card-editor"
      aria-label={field.label}
      maxLength={field.multiline ? 2000 : 300}
      readOnly={!ctx.canEdit}
      spellCheck
      data-testid="card-editor"
      onKeyDown={onKeyDown}
      onBlur={finish}
      style={{
        left: (card.x + inset.left) * s + viewport.x,
        top: (card.y + inset.top) * s + viewport.y,
        width: Math.max(40, card.w - inset.left - inset.right) * s,
        height: Math.max(24, card.h - inset.top - inset.bottom) * s,
        fontSize: inset.fontSize * s,
        fontWeight: inset.bold ? 700 : 400,
        fontFamily: FONT_FAMILY,
      }}
    />
  );
}
