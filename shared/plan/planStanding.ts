// Where the plan stands: the walk-through's decisions on every intervention of the board, and
// the adoption record. The plan is "Validated" only when every intervention has a decision, none
// is sent back and at least one is agreed; "Adopted" when it is validated and a facilitator has
// recorded its formal adoption; a "Draft" otherwise, with the counts that say why. Every export
// format states it in these words (standingText), so the files agree with the screen.
import { type Card, type InterventionDecision, interventionDecision, type ValidationRecord } from '../model/index.ts';

export const PLAN_STANDINGS = ['draft', 'validated', 'adopted'] as const;
export type PlanStanding = (typeof PLAN_STANDINGS)[number];

export interface DecisionCounts {
  agreed: number;
  sentBack: number;
  setAside: number;
  notReviewed: number;
}

const COUNT_KEY: Record<InterventionDecision, keyof DecisionCounts> = {
  agreed: 'agreed',
  'sent-back': 'sentBack',
  'set-aside': 'setAside',
  'not-reviewed': 'notReviewed',
};

/** Each intervention of the board and the decision it stands under. */
export function interventionDecisions(
  cards: Iterable<Card>,
  validation: Readonly<Record<string, ValidationRecord>>,
): Map<string, InterventionDecision> {
  const out = new Map<string, InterventionDecision>();
  for (const card of cards) {
    if (card.kind !== 'intervention') continue;
    const record = Object.hasOwn(validation, card.id) ? validation[card.id] : undefined;
    out.set(card.id, interventionDecision(card.status, record));
  }
  return out;
}

export function countDecisions(decisions: Iterable<InterventionDecision>): DecisionCounts {
  const counts: DecisionCounts = { agreed: 0, sentBack: 0, setAside: 0, notReviewed: 0 };
  for (const decision of decisions) counts[COUNT_KEY[decision]]++;
  return counts;
}

export function standingOf(counts: DecisionCounts, adopted: boolean): PlanStanding {
  const validated = counts.agreed > 0 && counts.sentBack === 0 && counts.notReviewed === 0;
  if (!validated) return 'draft';
  return adopted ? 'adopted' : 'validated';
}

/** "Validated", "Adopted", or "Draft: 2 agreed, 1 sent back, 0 set aside, 0 not reviewed". */
export function standingText(standing: PlanStanding, counts: DecisionCounts): string {
  if (standing === 'validated') return 'Validated';
  if (standing === 'adopted') return 'Adopted';
  return `Draft: ${counts.agreed} agreed, ${counts.sentBack} sent back, ${counts.setAside} set aside, ${counts.notReviewed} not reviewed`;
}
