import type { FieldSpecs } from '../fields.ts';

/** A titled area that groups cards (by sector, goal or phase). */
export const FRAME_FIELDS = {
  title: { type: 'text', label: 'Title' },
} as const satisfies FieldSpecs;

export const FRAME_SIZE = { w: 800, h: 500 } as const;
