// Inline editing of a card's main text: which field that is per kind, and the write on commit.
import { type Card, updateCard } from '../../shared/model/index.ts';
import { LOCAL_ORIGIN } from '../sync/origin.ts';
import type { ToolContext } from './context.ts';

export interface EditableField {
  field: string;
  label: string;
  multiline: boolean;
}

export function editableField(card: Card): EditableField | null {
  switch (card.kind) {
    case 'note':
      return { field: 'text', label: 'Note text', multiline: true };
    case 'intervention':
      return { field: 'title', label: 'Intervention title', multiline: false };
    case 'objective':
      return { field: 'title', label: 'Objective', multiline: false };
    case 'frame':
      return { field: 'title', label: 'Frame title', multiline: false };
    case 'actor':
      return { field: 'name', label: 'Organisation', multiline: false };
    case 'target':
      // The official wording is not the workshop's to change.
      return null;
  }
}

export function currentText(card: Card, field: string): string {
  const value = (card.fields as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : '';
}

export function commitText(ctx: ToolContext, cardId: string, field: string, value: string): void {
  if (!ctx.canEdit) return;
  updateCard(ctx.doc, cardId, { fields: { [field]: value } }, LOCAL_ORIGIN);
}
