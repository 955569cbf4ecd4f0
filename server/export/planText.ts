// How a plan's values read to a person, shared by every human-facing format (spreadsheet,
// document, Markdown, CSV) so that they all say the same thing in the same words. Fields are
// walked through the model's specs, so a field added to a kind shows up in every format.
import {
  CARD_FIELDS,
  type CardStatus,
  type FieldSpec,
  type FieldSpecs,
  humanise,
  STAKEHOLDER_GROUP_LABELS,
  type StakeholderGroup,
} from '../../shared/model/index.ts';
import type { ActionPlan, PlanIntervention, PlanTarget } from '../../shared/plan/index.ts';

/**
 * Text without the control characters XML 1.0 forbids: one typed or pasted on the board would
 * make Word or Excel refuse the whole file.
 */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

const NUMBER = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** One field value as text; '' when unset. A list reads one item per line. */
export function fieldText(spec: FieldSpec, value: unknown): string {
  return fieldLines(spec, value).join('\n');
}

/** A field value as lines: one per list item, else a single line (none when unset). */
export function fieldLines(spec: FieldSpec, value: unknown): string[] {
  switch (spec.type) {
    case 'text':
    case 'string':
    case 'date':
      return value === '' ? [] : [String(value)];
    case 'number':
      return [NUMBER.format(value as number)];
    case 'boolean':
      return [value ? 'yes' : 'no'];
    case 'enum':
      return value === '' ? [] : [enumLabel(spec, value as string | number)];
    case 'list':
      return (value as Record<string, unknown>[]).map((item) => listItemText(spec.item, item));
  }
}

function enumLabel(spec: Extract<FieldSpec, { type: 'enum' }>, value: string | number): string {
  return spec.labels?.[String(value)] ?? (typeof value === 'number' ? String(value) : humanise(value));
}

/** A list item's sub-fields that have a value, joined: "Ministry of Labour — Lead — draft the bill". */
function listItemText(specs: FieldSpecs, item: Record<string, unknown>): string {
  return Object.entries(specs)
    .flatMap(([name, spec]) => fieldLines(spec, item[name]))
    .join(' — ');
}

/** Every intervention field except the title (which heads its section), with its label. */
export function interventionFields(intervention: PlanIntervention): { label: string; lines: string[] }[] {
  return Object.entries(CARD_FIELDS.intervention as FieldSpecs)
    .filter(([name]) => name !== 'title')
    .map(([name, spec]) => ({
      label: spec.label,
      lines: fieldLines(spec, (intervention as unknown as Record<string, unknown>)[name]),
    }));
}

export const STATUS_LABELS: Record<CardStatus, string> = {
  proposed: 'Proposed',
  discussed: 'Discussed',
  agreed: 'Agreed',
};

export function groupLabel(group: string): string {
  return STAKEHOLDER_GROUP_LABELS[group as StakeholderGroup] ?? humanise(group);
}

/** A date-time from the plan as a reader writes it: "2026-03-03 09:30 UTC". */
export function timeText(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The workshop's dates as ISO dates (no locale to guess): both, or whichever is set. */
export function periodText(start: string, end: string): string {
  if (start && end) return start === end ? start : `${start} to ${end}`;
  return start || end;
}

export interface PlanLookup {
  /** A card's short name: a target's code, an intervention's title, an objective's, an actor's name. */
  label(id: string): string;
  /** A card's longer name: a target's code and official text, otherwise as `label`. */
  longLabel(id: string): string;
  /** The target card with this id, if the plan holds it. */
  target(id: string): PlanTarget | undefined;
}

export function planLookup(plan: ActionPlan): PlanLookup {
  const short = new Map<string, string>();
  const targets = new Map(plan.targets.map((t) => [t.id, t]));
  for (const t of plan.targets) short.set(t.id, t.code);
  for (const o of plan.objectives) short.set(o.id, o.title);
  for (const i of plan.interventions) short.set(i.id, i.title);
  for (const a of plan.actors) short.set(a.id, a.name);
  return {
    label: (id) => short.get(id) ?? id,
    longLabel: (id) => {
      const target = targets.get(id);
      return target ? `${target.code} ${target.text}` : (short.get(id) ?? id);
    },
    target: (id) => targets.get(id),
  };
}

/**
 * The rows and columns of the interaction matrix: every card that an interaction joins, targets
 * first in SDG order, then interventions in plan order.
 */
export function matrixNodes(plan: ActionPlan): string[] {
  const ends = new Set(plan.interactions.flatMap((x) => [x.from, x.to]));
  return [...plan.targets, ...plan.interventions].map((c) => c.id).filter((id) => ends.has(id));
}

/** "Title" or "Untitled" for a plan whose workshop has no title yet. */
export function planTitle(plan: ActionPlan): string {
  return plan.workshop.title.trim() || 'Untitled workshop';
}
