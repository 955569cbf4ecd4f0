import type { FieldSpecs } from '../fields.ts';
import { STAKEHOLDER_GROUP_LABELS, STAKEHOLDER_GROUPS } from '../vocabulary.ts';

/** A stakeholder organisation; it implements interventions through `implements` links. */
export const ACTOR_FIELDS = {
  name: { type: 'text', label: 'Organisation' },
  group: { type: 'enum', label: 'Stakeholder group', values: STAKEHOLDER_GROUPS, labels: STAKEHOLDER_GROUP_LABELS },
  description: { type: 'text', label: 'Description', multiline: true },
} as const satisfies FieldSpecs;

export const ACTOR_SIZE = { w: 200, h: 100 } as const;
