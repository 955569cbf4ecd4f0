import type { FieldSpecs } from '../fields.ts';

export const NOTE_COLOURS = ['#fff59d', '#ffcc80', '#a5d6a7', '#90caf9', '#f48fb1', '#ce93d8'] as const;

export const NOTE_COLOUR_LABELS: Record<(typeof NOTE_COLOURS)[number], string> = {
  '#fff59d': 'Yellow',
  '#ffcc80': 'Orange',
  '#a5d6a7': 'Green',
  '#90caf9': 'Blue',
  '#f48fb1': 'Pink',
  '#ce93d8': 'Purple',
};

/** A free sticky note for brainstorming; it can later be turned into an intervention or objective. */
export const NOTE_FIELDS = {
  text: { type: 'text', label: 'Text', multiline: true },
  colour: { type: 'enum', label: 'Colour', values: NOTE_COLOURS, labels: NOTE_COLOUR_LABELS },
} as const satisfies FieldSpecs;

export const NOTE_SIZE = { w: 180, h: 140 } as const;
