// A text field bound to a card's or link's Y.Text: concurrent typing by several people merges
// character by character, and remote edits appear without moving the caret.
import { type RefObject, useLayoutEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { type ItemRef, itemText, spliceText } from '../../../shared/model/index.ts';
import { useBoardStore } from '../../store/boardStore.ts';
import { LOCAL_ORIGIN } from '../../sync/origin.ts';
import { bindTextField, type TextField } from './textBinding.ts';

interface Props {
  doc: Y.Doc;
  item: ItemRef;
  field: string;
  multiline: boolean;
  readOnly: boolean;
  id: string;
  placeholder?: string;
}

export function CollabText({ doc, item, field, multiline, readOnly, id, placeholder }: Props) {
  const ref = useRef<TextField>(null);
  // Looked up on each render (the form re-renders with every change of the item): a Y.Text
  // created meanwhile is picked up.
  const text = itemText(doc, item, field);
  const itemType = item.type;
  const itemId = item.id;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const write = (edit: Parameters<typeof spliceText>[3]) => {
      try {
        spliceText(doc, { type: itemType, id: itemId }, field, edit, LOCAL_ORIGIN);
      } catch (error) {
        useBoardStore.getState().notify(error instanceof Error ? error.message : String(error), 'error');
        throw error;
      }
    };
    if (text) return bindTextField(el, text, write);
    // No Y.Text yet (an item written by an older tool): the first keystroke creates it.
    el.value = '';
    const onInput = () => {
      const value = el.value;
      if (value) write({ index: 0, remove: 0, insert: value });
    };
    el.addEventListener('input', onInput, { once: true });
    return () => el.removeEventListener('input', onInput);
  }, [doc, itemType, itemId, field, text]);

  const common = {
    id,
    className: `input ${multiline ? 'input-multiline' : 'input-compact'}`,
    readOnly,
    placeholder: readOnly ? undefined : placeholder,
    spellCheck: true,
    'data-testid': `field-${field}`,
  };
  return multiline ? (
    <textarea ref={ref as RefObject<HTMLTextAreaElement>} rows={3} {...common} />
  ) : (
    <input ref={ref as RefObject<HTMLInputElement>} type="text" autoComplete="off" {...common} />
  );
}
