import type { FieldSpecs } from '../fields.ts';

/** Intervention or objective → the SDG target it addresses. */
export const CONTRIBUTES_FIELDS = {
  note: { type: 'text', label: 'How it contributes', multiline: true },
} as const satisfies FieldSpecs;

export const CONTRIBUTES_ENDS = { from: ['intervention', 'objective'], to: ['target'] } as const;
