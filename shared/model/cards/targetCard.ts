import type { FieldSpecs } from '../fields.ts';

/** An SDG target. Its official text and goal colour come from the catalogue by `code`. */
export const TARGET_FIELDS = {
  code: { type: 'string', label: 'Target code' },
  migrationCrossCutting: { type: 'boolean', label: 'Tagged migration cross-cutting by the workshop' },
  crossCuttingNote: { type: 'text', label: 'Why it is migration cross-cutting', multiline: true },
} as const satisfies FieldSpecs;

export const TARGET_SIZE = { w: 220, h: 130 } as const;
