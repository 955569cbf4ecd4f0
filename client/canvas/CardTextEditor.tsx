// Editing a card's text in place: an HTML textarea laid over the card's text, scaled with the
// view. The model is written once, on commit (Enter, Ctrl/Cmd+Enter, or leaving the field).
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { Card } from '../../shared/model/kinds.ts';
import type { Viewport } from '../store/viewportSlice.ts';
import type { ToolContext } from '../tools/context.ts';
import { DEFAULT_INTERVENTION_TITLE } from '../tools/createCards.ts';
import { commitText, currentText, type EditableField } from '../tools/editText.ts';
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
  const initial = useRef(currentText(card, field.field));
  const [value, setValue] = useState(initial.current);
  const ref = useRef<HTMLTextAreaElement>(null);
  const finished = useRef(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    if (initial.current === DEFAULT_INTERVENTION_TITLE) el.select();
    else el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  const finish = (save: boolean) => {
    if (finished.current) return;
    finished.current = true;
    const next = ref.current?.value ?? value;
    if (save && next !== initial.current)
      commitText(ctx, card.id, field.field, field.multiline ? next : next.replace(/\s*\n\s*/g, ' '));
    onDone();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      finish(false);
    } else if (e.key === 'Enter' && (!field.multiline || e.metaKey || e.ctrlKey) && !e.shiftKey) {
      e.preventDefault();
      finish(true);
    }
  };

  const inset = insetOf(card);
  const s = viewport.scale;
  return (
    <textarea
      ref={ref}
      className="card-editor"
      aria-label={field.label}
      value={value}
      maxLength={field.multiline ? 2000 : 300}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true)}
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
