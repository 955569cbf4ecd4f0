// A text field bound to a card's or link's Y.Text: concurrent typing by several people merges
// character by character, and remote edits appear without moving the caret.
import { type RefObject, useRef } from 'react';
import type * as Y from 'yjs';
import type { ItemRef } from '../../../shared/model/index.ts';
import type { TextField } from './textBinding.ts';
import { useTextBinding } from './useTextBinding.ts';

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
  useTextBinding(ref, doc, item, field);

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
