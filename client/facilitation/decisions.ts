// What the walk-through decided, in words, for every place that shows it (walk panel, card,
// inspector, outline, plan progress): each intervention's decision read with
// interventionDecision (a sent-back item's status is only "discussed"), what the plan holds by
// the rule of agreedScope, the plan's standing and the adoption record.
import type * as Y from 'yjs';
import {
  type Adoption,
  type Card,
  type InterventionDecision,
  interventionDecision,
  VALIDATION_CHECK_LABELS,
  VALIDATION_DECISION_LABELS,
  type ValidationCheck,
  type ValidationRecord,
} from '../../shared/model/index.ts';
import { agreedScope } from '../../shared/plan/planScope.ts';
import {
  countDecisions,
  type DecisionCounts,
  interventionDecisions,
  type PlanStanding,
  standingOf,
  standingText,
} from '../../shared/plan/planStanding.ts';
import type { BoardItems } from '../canvas/useBoardItems.ts';
import { useFacilitation } from './useFacilitation.ts';
import { useWorkshopMeta } from './useWorkshopMeta.ts';

export const DECISION_LABELS: Record<InterventionDecision, string> = {
  ...VALIDATION_DECISION_LABELS,
  'not-reviewed': 'Not reviewed',
};

/** A decision to show beside an item: what it is, who made it, when, and why. */
export interface ShownDecision {
  decision: InterventionDecision;
  /** The walk-through's record of this decision; absent when it was not made there (an item agreed in the inspector). */
  by: string;
  at: number;
  comment: string;
  checksLeft: ValidationCheck[];
}

function own<T>(record: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

/** The decision an intervention stands under, with its record when the record made it. */
export function shownDecision(card: Card, validation: Readonly<Record<string, ValidationRecord>>): ShownDecision {
  const record = own(validation, card.id);
  const decision = interventionDecision(card.status, record);
  const made = record?.decision === decision;
  return {
    decision,
    by: made && typeof record.by === 'string' ? record.by : '',
    at: made && typeof record.at === 'number' ? record.at : 0,
    comment: made && typeof record.comment === 'string' ? record.comment : '',
    checksLeft:
      made && Array.isArray(record.checksLeft) ? record.checksLeft.filter((c) => c in VALIDATION_CHECK_LABELS) : [],
  };
}

/** The interventions under a decision that keeps them out of the plan for now (sent back or set aside). */
export function heldDecisions(
  cards: Iterable<Card>,
  validation: Readonly<Record<string, ValidationRecord>>,
): Map<string, ShownDecision> {
  const out = new Map<string, ShownDecision>();
  for (const card of cards) {
    if (card.kind !== 'intervention') continue;
    const shown = shownDecision(card, validation);
    if (shown.decision === 'sent-back' || shown.decision === 'set-aside') out.set(card.id, shown);
  }
  return out;
}

/** "Sent back by Ada: the budget is missing", "Set aside by Ada", "Agreed by Ada". */
export function decisionSentence(shown: ShownDecision): string {
  const label = DECISION_LABELS[shown.decision];
  const by = shown.by ? ` by ${shown.by}` : '';
  return shown.comment ? `${label}${by}: ${shown.comment}` : `${label}${by}`;
}

/** At most `max` characters, cut at a word where one is near, with an ellipsis. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  // The cut falls between two words: keep the last one whole.
  if (flat[max - 1] === ' ') return `${cut.trimEnd()}…`;
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const timeFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' });

export function formatWhen(ms: number): string {
  return ms > 0 ? timeFormat.format(new Date(ms)) : '';
}

/** A YYYY-MM-DD date in words ("12 March 2027" or as the browser's language writes it). */
export function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return dayFormat.format(new Date(Date.UTC(y, m - 1, d)));
}

/** "Adopted by Provincial Assembly of Koshi on 12 March 2027 (Decision 14/2027)". */
export function adoptionSentence(adoption: Adoption): string {
  const reference = adoption.reference ? ` (${adoption.reference})` : '';
  return `Adopted by ${adoption.body} on ${formatDay(adoption.date)}${reference}`;
}

export interface PlanStandingView {
  counts: DecisionCounts;
  standing: PlanStanding;
  /** standingText: "Validated", "Adopted" or "Draft: 2 agreed, …". */
  text: string;
  adoption: Adoption | null;
  interventions: number;
}

export function planStanding(
  cards: Iterable<Card>,
  validation: Readonly<Record<string, ValidationRecord>>,
  adoption: Adoption | null,
): PlanStandingView {
  const decisions = interventionDecisions(cards, validation);
  const counts = countDecisions(decisions.values());
  const standing = standingOf(counts, adoption !== null);
  return { counts, standing, text: standingText(standing, counts), adoption, interventions: decisions.size };
}

/** The plan's standing now, re-read when a card or the workshop metadata changes. */
export function usePlanStanding(doc: Y.Doc, cards: ReadonlyMap<string, Card>): PlanStandingView {
  const { validation } = useFacilitation(doc);
  const { adoption } = useWorkshopMeta(doc);
  return planStanding(cards.values(), validation, adoption);
}

const PLAN_KINDS = [
  ['objective', 'objective', 'objectives'],
  ['intervention', 'intervention', 'interventions'],
  ['target', 'target', 'targets'],
  ['actor', 'actor', 'actors'],
] as const;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "The plan holds 2 interventions, 4 targets, 5 links", from what agreedScope puts in it. */
export function planContents(items: BoardItems): { text: string; cards: number; links: number } {
  const scope = agreedScope([...items.cards.values()], [...items.links.values()]);
  const byKind = new Map<string, number>();
  for (const id of scope.cards) {
    const kind = items.cards.get(id)?.kind;
    if (kind) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }
  const parts = PLAN_KINDS.filter(([kind]) => byKind.has(kind)).map(([kind, one, many]) =>
    plural(byKind.get(kind) ?? 0, one, many),
  );
  if (scope.links.size > 0) parts.push(plural(scope.links.size, 'link', 'links'));
  return {
    text: parts.length === 0 ? 'The plan holds nothing yet.' : `The plan holds ${parts.join(', ')}.`,
    cards: scope.cards.size,
    links: scope.links.size,
  };
}
