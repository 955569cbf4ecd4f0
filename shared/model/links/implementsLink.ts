import type { FieldSpecs } from '../fields.ts';
import { ACTOR_ROLE_LABELS, ACTOR_ROLES } from '../vocabulary.ts';

/** Actor → intervention, with the actor's role and tasks. */
export const IMPLEMENTS_FIELDS = {
  role: { type: 'enum', label: 'Role', values: ACTOR_ROLES, labels: ACTOR_ROLE_LABELS },
  tasks: { type: 'text', label: 'Tasks', multiline: true },
} as const satisfies FieldSpecs;

export const IMPLEMENTS_ENDS = { from: ['actor'], to: ['intervention'] } as const;
