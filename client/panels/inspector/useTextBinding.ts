// Keeps a text field bound to an item's Y.Text for as long as it is mounted: the one way any text
// of the board is edited, from the inspector or in place on the canvas.
import { type RefObject, useLayoutEffect } from 'react';
import type * as Y from 'yjs';
import { type ItemRef, itemText, spliceText } from '../../../shared/model/index.ts';
import { useBoardStore } from '../../store/boardStore.ts';
import { LOCAL_ORIGIN } from '../../sync/origin.ts';
import { bindTextField, type TextField } from './textBinding.ts';

/**
 * Binds `ref`'s field to the item's `field` Y.Text. Each keystroke is one small edit of the
 * shared text (never a copy written back later), so what others type meanwhile is kept.
 */
export function useTextBinding(ref: RefObject<TextField | null>, doc: Y.Doc, item: ItemRef, field: string): void {
  // Looked up on each render (the caller re-renders with every change of the item): a Y.Text
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
  }, [ref, doc, itemType, itemId, field, text]);
}
