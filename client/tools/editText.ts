// Inline editing of a card's main text: which field that is per kind (CardTextEditor writes it).
import type { Card } from '../../shared/model/index.ts';

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
