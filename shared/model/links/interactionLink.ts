import type { FieldSpecs } from '../fields.ts';
import { INTERACTION_SCORES } from '../interactionScale.ts';
import { CONFIDENCE_LEVELS, INCOHERENCE_KINDS } from '../vocabulary.ts';

/**
 * How progress on one target (or intervention) affects another, on the seven-point scale.
 * Directed: A→B and B→A are separate links.
 */
export const INTERACTION_FIELDS = {
  score: { type: 'enum', label: 'Score', values: INTERACTION_SCORES, default: 0 },
  rationale: { type: 'text', label: 'Rationale', multiline: true },
  conditions: { type: 'text', label: 'Conditions under which it holds', multiline: true },
  confidence: { type: 'enum', label: 'Confidence', values: CONFIDENCE_LEVELS },
  incoherence: { type: 'enum', label: 'Incoherence', values: INCOHERENCE_KINDS },
} as const satisfies FieldSpecs;

export const INTERACTION_ENDS = { from: ['target', 'intervention'], to: ['target', 'intervention'] } as const;
