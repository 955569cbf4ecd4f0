import type { FieldSpecs } from '../fields.ts';
import { formatScore, INTERACTION_SCORES } from '../interactionScale.ts';
import { CONFIDENCE_LABELS, CONFIDENCE_LEVELS, INCOHERENCE_KINDS, INCOHERENCE_LABELS } from '../vocabulary.ts';

const SCORE_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  INTERACTION_SCORES.map((score) => [String(score), formatScore(score)]),
);

/**
 * How progress on one target (or intervention) affects another, on the seven-point scale.
 * Directed: A→B and B→A are separate links.
 */
export const INTERACTION_FIELDS = {
  score: { type: 'enum', label: 'Score', values: INTERACTION_SCORES, labels: SCORE_LABELS, default: 0 },
  rationale: { type: 'text', label: 'Rationale', multiline: true },
  conditions: { type: 'text', label: 'Conditions under which it holds', multiline: true },
  confidence: { type: 'enum', label: 'Confidence', values: CONFIDENCE_LEVELS, labels: CONFIDENCE_LABELS },
  incoherence: { type: 'enum', label: 'Incoherence', values: INCOHERENCE_KINDS, labels: INCOHERENCE_LABELS },
} as const satisfies FieldSpecs;

export const INTERACTION_ENDS = { from: ['target', 'intervention'], to: ['target', 'intervention'] } as const;
