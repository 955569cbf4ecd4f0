import type { FieldSpecs } from '../fields.ts';

/** A local or national objective in the plan's own words; its targets are `contributes` links. */
export const OBJECTIVE_FIELDS = {
  title: { type: 'text', label: 'Objective' },
  description: { type: 'text', label: 'Description', multiline: true },
} as const satisfies FieldSpecs;

export const OBJECTIVE_SIZE = { w: 240, h: 120 } as const;
